//! The sandbox as `https://discord.com`, for serenity's ratelimiter.
//!
//! Serenity's ratelimiter ignores `HttpBuilder::proxy`: it always calls
//! `https://discord.com/api/v10/…`. So that the bot runs with its
//! ratelimiter on, as against Discord, the sandbox also serves its REST
//! API over TLS with a certificate for `discord.com`, and
//! [`crate::Sandbox::http_for_bot`] hands serenity an HTTP client that
//! resolves `discord.com` to that port and trusts the sandbox's own
//! certificate authority (and no other: nothing can leave for the real
//! Discord). The certificates under `tls/` are test fixtures, made once
//! with `openssl` (see `tls/README.md`); their keys guard nothing.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// The certificate authority a bot's client trusts (DER).
pub const CA_DER: &[u8] = include_bytes!("tls/ca.der");
const LEAF_DER: &[u8] = include_bytes!("tls/discord.com.der");
const LEAF_KEY_DER: &[u8] = include_bytes!("tls/discord.com.key.der");

/// The name serenity's ratelimiter calls.
pub const DISCORD_HOST: &str = "discord.com";

/// How long a client may take over its TLS handshake before it is dropped
/// (the listener accepts one handshake at a time).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);

pub fn acceptor() -> Result<TlsAcceptor, rustls::Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(LEAF_DER)],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(LEAF_KEY_DER)),
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
    let builder = match reqwest::Certificate::from_der(CA_DER) {
        Ok(ca) => builder.add_root_certificate(ca),
        // A fixture compiled in: it parses, or no test runs at all.
        Err(error) => {
            tracing::error!(%error, "the sandbox's CA certificate does not parse");
            builder
        }
    };
    builder.build().unwrap_or_else(|error| {
        tracing::error!(%error, "the sandbox's HTTP client could not be built");
        reqwest::Client::new()
    })
}
