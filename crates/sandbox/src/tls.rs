//! The sandbox as `https://discord.com`, for serenity's ratelimiter.
//!
//! Serenity's ratelimiter ignores `HttpBuilder::proxy`: it always calls
//! `https://discord.com/api/v10/…`. So that the bot runs with its
//! ratelimiter on, as against Discord, the sandbox also serves its REST
//! API over TLS with a certificate for `discord.com`, and
//! [`crate::Sandbox::http_for_bot`] hands serenity an HTTP client that
//! resolves `discord.com` to that port and trusts the sandbox's own
//! certificate authority (and no other: nothing can leave for the real
//! Discord). The authority and the certificate are made once per process
//! at first use (no key is kept anywhere: a new process has new ones).

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// This process's certificate authority and the `discord.com`
/// certificate it signed, in DER.
struct Certificates {
    ca: Vec<u8>,
    leaf: Vec<u8>,
    leaf_key: Vec<u8>,
}

fn make_certificates() -> Result<Certificates, rcgen::Error> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
    let ca_key = KeyPair::generate()?;
    let mut ca = CertificateParams::new(Vec::<String>::new())?;
    ca.distinguished_name
        .push(DnType::CommonName, "supportline sandbox CA");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca.self_signed(&ca_key)?;
    let leaf_key = KeyPair::generate()?;
    let names = [DISCORD_HOST, "localhost", "127.0.0.1"].map(String::from);
    let mut leaf = CertificateParams::new(names.to_vec())?;
    leaf.distinguished_name
        .push(DnType::CommonName, DISCORD_HOST);
    let leaf = leaf.signed_by(&leaf_key, &ca, &ca_key)?;
    Ok(Certificates {
        ca: ca.der().to_vec(),
        leaf: leaf.der().to_vec(),
        leaf_key: leaf_key.serialize_der(),
    })
}

/// Made at first use; an error (the key generator failing) is kept and
/// reported to every caller.
fn certificates() -> Result<&'static Certificates, rustls::Error> {
    static MADE: OnceLock<Result<Certificates, String>> = OnceLock::new();
    MADE.get_or_init(|| make_certificates().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| rustls::Error::General(format!("making the sandbox's certificates: {e}")))
}

/// The name serenity's ratelimiter calls.
pub const DISCORD_HOST: &str = "discord.com";

/// How long a client may take over its TLS handshake before it is dropped
/// (the listener accepts one handshake at a time).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

pub fn acceptor() -> Result<TlsAcceptor, rustls::Error> {
    let made = certificates()?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(made.leaf.clone())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(made.leaf_key.clone())),
        )?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// A TCP listener whose connections speak TLS, for `axum::serve`.
pub struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
}

impl TlsListener {
    pub fn new(tcp: TcpListener, acceptor: TlsAcceptor) -> Self {
        TlsListener { tcp, acceptor }
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let (tcp, addr) = match self.tcp.accept().await {
                Ok(accepted) => accepted,
                Err(error) => {
                    // As axum's own listener: a full descriptor table passes.
                    tracing::debug!(%error, "TLS listener: accept failed");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            };
            // See the plain listener: small answers go out at once.
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::debug!(%error, "TCP_NODELAY not set");
            }
            match tokio::time::timeout(HANDSHAKE_TIMEOUT, self.acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => return (tls, addr),
                Ok(Err(error)) => tracing::debug!(%error, "TLS handshake failed"),
                Err(_) => tracing::debug!("TLS handshake timed out"),
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

/// A client that sends `https://discord.com` to `addr` and trusts only the
/// sandbox's certificate authority.
pub fn client_for(addr: SocketAddr) -> reqwest::Client {
    let builder = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .resolve(DISCORD_HOST, addr);
    let ca = certificates()
        .map_err(|e| e.to_string())
        .and_then(|made| reqwest::Certificate::from_der(&made.ca).map_err(|e| e.to_string()));
    let builder = match ca {
        Ok(ca) => builder.add_root_certificate(ca),
        // The acceptor failed the same way: the sandbox did not start.
        Err(error) => {
            tracing::error!(%error, "the sandbox's CA certificate is not available");
            builder
        }
    };
    builder.build().unwrap_or_else(|error| {
        tracing::error!(%error, "the sandbox's HTTP client could not be built");
        reqwest::Client::new()
    })
}
