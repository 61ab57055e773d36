//! The network edge, shared by the CLI and the desktop app (included with
//! `#[path]`): HTTP over rustls with connect, read and total timeouts, a
//! cap on the answer's size, retries with backoff for idempotent requests
//! and transient failures only, `Retry-After` honoured on 429, and every
//! failure as a sentence that names the service and never the token.

use std::time::Duration;

use infra_runway::catalog::{Catalog, Catalogs};
use infra_runway::date::Date;
use infra_runway::live::{azure, diff, railway, LiveError};

/// How patient and how trusting a fetch is.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// To open the connection.
    pub connect: Duration,
    /// Between two reads of the answer.
    pub read: Duration,
    /// For the whole request.
    pub total: Duration,
    /// The largest answer accepted.
    pub max_bytes: usize,
    /// Tries after the first, for transient failures.
    pub retries: u32,
    /// The first wait between tries; doubled each time.
    pub backoff: Duration,
    /// The longest `Retry-After` waited for.
    pub max_wait: Duration,
}

impl Policy {
    /// For the app and the CLI.
    pub fn standard() -> Policy {
        Policy {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(20),
            total: Duration::from_secs(60),
            max_bytes: 20 * 1024 * 1024,
            retries: 3,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(30),
        }
    }
}

/// Why a fetch failed, in the founder's words.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    /// No connection.
    #[error("{service} could not be reached ({why})")]
    Unreachable {
        /// The service.
        service: &'static str,
        /// Why, without addresses or headers.
        why: String,
    },
    /// No answer in time.
    #[error("{service} did not answer in time")]
    Timeout {
        /// The service.
        service: &'static str,
    },
    /// 401.
    #[error("{service} rejected the token")]
    Unauthorized {
        /// The service.
        service: &'static str,
    },
    /// 403.
    #[error("{service} refused access: the token cannot see this project")]
    Forbidden {
        /// The service.
        service: &'static str,
    },
    /// 429 beyond what is worth waiting for.
    #[error("{service} is limiting requests; try again in {seconds} seconds")]
    RateLimited {
        /// The service.
        service: &'static str,
        /// Seconds it asked to wait.
        seconds: u64,
    },
    /// Another HTTP error.
    #[error("{service} answered with an error (HTTP {status})")]
    Status {
        /// The service.
        service: &'static str,
        /// The status.
        status: u16,
    },
    /// The answer is larger than the cap.
    #[error("{service} sent more than {limit_mb} MB; the answer was refused")]
    TooLarge {
        /// The service.
        service: &'static str,
        /// The cap in MB.
        limit_mb: usize,
    },
    /// The answer stopped midway.
    #[error("{service} sent an answer cut short")]
    Truncated {
        /// The service.
        service: &'static str,
    },
    /// The answer could not be used.
    #[error(transparent)]
    Live(#[from] LiveError),
    /// The catalog is not priced by this source.
    #[error("{0} is not priced by the Azure Retail Prices API; refresh it from a catalog address instead")]
    NotRefreshable(String),
}

/// A request: GET, or POST of a JSON body (a GraphQL query, which reads
/// only and so may be retried).
pub struct Request<'a> {
    /// The address.
    pub url: &'a str,
    /// A JSON body to POST.
    pub body: Option<&'a str>,
    /// Headers (the token among them, never printed).
    pub headers: Vec<(&'static str, String)>,
}

/// The client, with the policy's timeouts.
pub fn client(policy: &Policy) -> Result<reqwest::Client, NetError> {
    reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(policy.connect)
        .read_timeout(policy.read)
        .timeout(policy.total)
        .user_agent(concat!("infra-runway/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| NetError::Unreachable {
            service: "the network",
            why: e.without_url().to_string(),
        })
}

fn retry_after(resp: &reqwest::Response) -> Option<u64> {
    resp.headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

fn transport(service: &'static str, e: reqwest::Error) -> NetError {
    if e.is_timeout() {
        NetError::Timeout { service }
    } else if e.is_connect() {
        NetError::Unreachable {
            service,
            why: "no connection".into(),
        }
    } else {
        NetError::Unreachable {
            service,
            // The address stays out of messages.
            why: e.without_url().to_string(),
        }
    }
}

/// Fetches a text, retrying what may succeed on another try.
pub async fn fetch(
    client: &reqwest::Client,
    req: &Request<'_>,
    policy: &Policy,
    service: &'static str,
) -> Result<String, NetError> {
    let mut attempt = 0u32;
    loop {
        let mut builder = match req.body {
            Some(body) => client
                .post(req.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.to_string()),
            None => client.get(req.url),
        };
        for (name, value) in &req.headers {
            builder = builder.header(*name, value);
        }
        let wait = policy.backoff * 2u32.saturating_pow(attempt);
        let outcome = builder.send().await;
        let retry_in = match outcome {
            Err(e) => {
                let transient = e.is_timeout() || e.is_connect();
                if attempt < policy.retries && transient {
                    Some(wait)
                } else {
                    return Err(transport(service, e));
                }
            }
            Ok(resp) => {
                let status = resp.status().as_u16();
                match status {
                    200..=299 => return read_capped(resp, policy, service).await,
                    401 => return Err(NetError::Unauthorized { service }),
                    403 => return Err(NetError::Forbidden { service }),
                    429 => {
                        let seconds = retry_after(&resp).unwrap_or(wait.as_secs().max(1));
                        let asked = Duration::from_secs(seconds);
                        if attempt < policy.retries && asked <= policy.max_wait {
                            Some(asked)
                        } else {
                            return Err(NetError::RateLimited { service, seconds });
                        }
                    }
                    500..=599 if attempt < policy.retries => Some(wait),
                    _ => return Err(NetError::Status { service, status }),
                }
            }
        };
        if let Some(d) = retry_in {
            tokio::time::sleep(d).await;
        }
        attempt += 1;
    }
}

async fn read_capped(
    mut resp: reqwest::Response,
    policy: &Policy,
    service: &'static str,
) -> Result<String, NetError> {
    let too_large = NetError::TooLarge {
        service,
        limit_mb: policy.max_bytes / (1024 * 1024),
    };
    if resp
        .content_length()
        .is_some_and(|n| n as usize > policy.max_bytes)
    {
        return Err(too_large);
    }
    let mut body: Vec<u8> = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > policy.max_bytes {
                    return Err(too_large);
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) if e.is_timeout() => return Err(NetError::Timeout { service }),
            Err(_) => return Err(NetError::Truncated { service }),
        }
    }
    String::from_utf8(body).map_err(|_| {
        NetError::Live(LiveError::NotJson {
            service,
            why: "it is not text".into(),
        })
    })
}

/// Every price item the Azure API has for a catalog, following
/// `NextPageLink`. `base` is the API's address (a test server's in tests).
pub async fn azure_items(
    client: &reqwest::Client,
    base: &str,
    catalog: &Catalog,
    policy: &Policy,
) -> Result<Vec<azure::Item>, NetError> {
    let mut url = azure::query_url(base, catalog)
        .ok_or_else(|| NetError::NotRefreshable(catalog.id.clone()))?;
    let mut items = Vec::new();
    for _ in 0..azure::MAX_PAGES {
        let req = Request {
            url: &url,
            body: None,
            headers: Vec::new(),
        };
        let text = fetch(client, &req, policy, azure::SERVICE).await?;
        let page = azure::parse_page(&text)?;
        items.extend(page.items);
        match page.next {
            Some(next) => url = next,
            None => return Ok(items),
        }
    }
    Err(LiveError::TooManyPages {
        service: azure::SERVICE,
        pages: azure::MAX_PAGES,
    }
    .into())
}

/// A catalog file at an address (in the app's own format).
pub async fn catalog_at(
    client: &reqwest::Client,
    url: &str,
    policy: &Policy,
) -> Result<String, NetError> {
    let req = Request {
        url,
        body: None,
        headers: Vec::new(),
    };
    fetch(client, &req, policy, "The catalog address").await
}

/// Which kind of Railway token: an account or workspace token (Bearer)
/// or a project token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// `Authorization: Bearer`.
    Account,
    /// `Project-Access-Token`.
    Project,
}

/// What to ask Railway: a project's usage between two instants (RFC 3339).
pub struct UsageQuery<'a> {
    /// The token (never printed).
    pub token: &'a str,
    /// Its kind.
    pub kind: TokenKind,
    /// The Railway project's id.
    pub project_id: &'a str,
    /// From.
    pub start: &'a str,
    /// To.
    pub end: &'a str,
}

/// A Railway project's usage.
pub async fn railway_usage(
    client: &reqwest::Client,
    base: &str,
    q: &UsageQuery<'_>,
    policy: &Policy,
) -> Result<railway::Usage, NetError> {
    let body = railway::usage_request(q.project_id, q.start, q.end);
    let header = match q.kind {
        TokenKind::Account => ("Authorization", format!("Bearer {}", q.token)),
        TokenKind::Project => ("Project-Access-Token", q.token.to_string()),
    };
    let req = Request {
        url: base,
        body: Some(&body),
        headers: vec![header],
    };
    let text = fetch(client, &req, policy, railway::SERVICE).await?;
    Ok(railway::parse_usage(&text)?)
}

/// The Azure API's address; a mirror or a test server may stand in
/// (`INFRA_RUNWAY_AZURE_PRICES_URL`).
pub fn azure_base() -> String {
    std::env::var("INFRA_RUNWAY_AZURE_PRICES_URL")
        .unwrap_or_else(|_| azure::RETAIL_PRICES_URL.into())
}

/// Railway's API address (`INFRA_RUNWAY_RAILWAY_API_URL` for a stand-in).
pub fn railway_base() -> String {
    std::env::var("INFRA_RUNWAY_RAILWAY_API_URL").unwrap_or_else(|_| railway::GRAPHQL_URL.into())
}

/// True for a source a refresh can read: `azure` or an http(s) address.
pub fn is_source(source: &str) -> bool {
    source == "azure" || source.starts_with("https://") || source.starts_with("http://")
}

/// New catalogs from a source (`azure`, or a catalog file's address), each
/// with its difference from the current one; nothing is kept here. A
/// failure is one sentence, saying which catalog stays in use.
pub async fn refresh(
    source: &str,
    catalogs: &Catalogs,
    today: Date,
) -> Result<Vec<(Catalog, diff::CatalogDiff)>, String> {
    let policy = Policy::standard();
    let client = client(&policy).map_err(|e| e.to_string())?;
    let mut found = Vec::new();
    if source == "azure" {
        let base = azure_base();
        for current in catalogs.current_all() {
            if azure::query_url(&base, current).is_none() {
                continue;
            }
            let kept = |e: String| {
                format!(
                    "{e} — using the catalog of {} ({})",
                    current.as_of, current.id
                )
            };
            let items = azure_items(&client, &base, current, &policy)
                .await
                .map_err(|e| kept(e.to_string()))?;
            let next = azure::refreshed(current, &items, today).map_err(|e| kept(e.to_string()))?;
            let d = diff::diff(current, &next);
            found.push((next, d));
        }
    } else {
        let text = catalog_at(&client, source, &policy)
            .await
            .map_err(|e| e.to_string())?;
        let next: Catalog = infra_runway::error::parse_json(&text)
            .and_then(|c: Catalog| {
                c.validate()?;
                Ok(c)
            })
            .map_err(|e| format!("{source}: not a catalog this version reads ({e})"))?;
        let current = catalogs.current(&next.platform).map_err(|_| {
            format!(
                "{source}: prices the platform {}, which this version does not know",
                next.platform
            )
        })?;
        let d = diff::diff(current, &next);
        found.push((next, d));
    }
    Ok(found)
}
