// Package ghclient builds the GitHub API client that xylint's GitHub
// features share (`xylint migrate` today, the review bot next): go-github
// v62 over a transport that authenticates (a token or a GitHub App
// installation), paces and retries as GitHub asks, and keeps credentials out
// of everything it reports.
//
// What the transport does, so that callers need not:
//
//   - Mutating requests go out one at a time per client, at least
//     Options.WriteInterval apart (default 1 s), and content-creating ones
//     (POST) stay under GitHub's secondary limits of 80 a minute and 500 an
//     hour. Reads run in parallel, at most Options.ReadConcurrency at once.
//   - Primary rate limit (403 or 429 with x-ratelimit-remaining 0): wait until
//     x-ratelimit-reset, then retry. A response that leaves remaining at 0
//     makes the next request wait for the reset, on Options.Clock.
//   - Secondary rate limits (403 or 429 saying so, or with retry-after): wait
//     retry-after when given, else at least a minute, doubling on each
//     repeat, and give up after Options.MaxAttempts or when one wait would be
//     longer than Options.MaxWait. go-github v62 turns only 403s into rate
//     limit errors; a 429 arrives as a plain *github.ErrorResponse, which is
//     why the transport reads the status itself.
//   - 5xx answers, timeouts and dropped connections are retried with
//     exponential backoff for reads and idempotent writes (PUT, PATCH,
//     DELETE, or a POST marked with Idempotent). For any other write the
//     outcome is unknown — GitHub may have done it — so the transport does
//     not retry: it returns an error for which IsUnknownOutcome is true, and
//     the caller checks whether the write happened before trying again.
//   - Every credential the transport sends (the token, an App's JWT and
//     installation tokens) is added to the client's Redactor; archive links'
//     token parameters are redacted too.
package ghclient

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/google/go-github/v62/github"
)

// Clock is the time the transport waits on; tests pass a fake one.
type Clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

// RealClock is the wall clock.
type RealClock struct{}

func (RealClock) Now() time.Time { return time.Now() }

func (RealClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// App identifies a GitHub App installation.
type App struct {
	AppID, InstallationID int64
	PrivateKey            []byte // PEM
}

// Options configure New. The zero value talks to api.github.com without
// credentials (60 requests an hour; enough for a plan of a public repository).
type Options struct {
	// BaseURL is the API root of GitHub Enterprise Server
	// ("https://github.example.com/api/v3/"; a bare host gets /api/v3/
	// added). Empty or https://api.github.com: github.com.
	BaseURL string
	// Token is a personal access token, a fine-grained token or an
	// Actions GITHUB_TOKEN.
	Token string
	// App authenticates as a GitHub App installation instead.
	App *App
	// UserAgent, default "xylint".
	UserAgent string
	// Clock, default RealClock.
	Clock Clock
	// WriteInterval is the least time between two mutating requests
	// (default 1 s, GitHub's guidance; negative: none).
	WriteInterval time.Duration
	// ContentPerMinute and ContentPerHour bound content-creating requests
	// (POST); defaults 80 and 500, GitHub's secondary limits; negative: no
	// bound.
	ContentPerMinute, ContentPerHour int
	// ReadConcurrency bounds parallel reads (default 8).
	ReadConcurrency int
	// Timeout is the limit of one attempt (default 60 s).
	Timeout time.Duration
	// MaxAttempts bounds the attempts of one request (default 6).
	MaxAttempts int
	// MaxWait is the longest single wait for a rate limit (default 1 h);
	// a longer one gives up with the rate limit error.
	MaxWait time.Duration
	// Logf, when set, is told of waits and retries (redacted).
	Logf func(format string, args ...any)
	// Transport is the underlying transport (default a clone of
	// http.DefaultTransport).
	Transport http.RoundTripper
}

// Client is a go-github client with the transport described in the package
// documentation.
type Client struct {
	*github.Client
	Redactor *Redactor
	// BaseURL is the API root in use.
	BaseURL string

	tr            *transport
	download      *http.Client
	authenticated bool
}

// New builds a client.
func New(opts Options) (*Client, error) {
	if opts.Clock == nil {
		opts.Clock = RealClock{}
	}
	if opts.WriteInterval == 0 {
		opts.WriteInterval = time.Second
	}
	if opts.ContentPerMinute == 0 {
		opts.ContentPerMinute = 80
	}
	if opts.ContentPerHour == 0 {
		opts.ContentPerHour = 500
	}
	if opts.ReadConcurrency <= 0 {
		opts.ReadConcurrency = 8
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 6
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = time.Hour
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "xylint"
	}
	base := opts.Transport
	if base == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		base = t
	}
	red := &Redactor{}
	red.Add(opts.Token)
	st := &stats{}
	// Innermost: count every request and learn every credential sent.
	observed := &observer{next: base, red: red, stats: st}
	var auth http.RoundTripper = observed
	apiBase := "https://api.github.com/"
	enterprise := opts.BaseURL != "" && !isDotCom(opts.BaseURL)
	if enterprise {
		apiBase = enterpriseBase(opts.BaseURL)
	}
	switch {
	case opts.App != nil:
		a, err := newAppAuth(observed, opts.App, strings.TrimSuffix(apiBase, "/"), red)
		if err != nil {
			return nil, fmt.Errorf("GitHub App: %v", red.Redact(err.Error()))
		}
		auth = a
	case opts.Token != "":
		auth = &tokenAuth{next: observed, token: opts.Token}
	}
	tr := newTransport(auth, opts, red, st)
	gh := github.NewClient(&http.Client{Transport: tr})
	gh.UserAgent = opts.UserAgent
	if enterprise {
		var err error
		if gh, err = gh.WithEnterpriseURLs(apiBase, apiBase); err != nil {
			return nil, fmt.Errorf("--github-url %q: %v", red.Redact(opts.BaseURL), err)
		}
	}
	// Archive links carry their own short-lived token: the download goes
	// without credentials, through the same retries.
	dl := newTransport(observed, opts, red, st)
	return &Client{Client: gh, Redactor: red, BaseURL: gh.BaseURL.String(), tr: tr, download: &http.Client{Transport: dl},
		authenticated: opts.App != nil || opts.Token != ""}, nil
}

func isDotCom(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Host == "api.github.com" || p.Host == "github.com")
}

func enterpriseBase(u string) string {
	u = strings.TrimSuffix(u, "/")
	if !strings.HasSuffix(u, "/api/v3") {
		u += "/api/v3"
	}
	return u + "/"
}

// Stats are the requests a client made.
type Stats struct {
	Requests int           // every HTTP request sent, retries included
	Writes   int           // of which mutating
	Retries  int           // attempts after the first
	Waited   time.Duration // time spent waiting for limits and backoff
}

type stats struct {
	mu sync.Mutex
	s  Stats
}

func (s *stats) add(f func(*Stats)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&s.s)
}

// Authenticated reports whether the client sends credentials (a token or
// an App installation's).
func (c *Client) Authenticated() bool { return c.authenticated }

// Stats returns the counts so far.
func (c *Client) Stats() Stats {
	c.tr.stats.mu.Lock()
	defer c.tr.stats.mu.Unlock()
	return c.tr.stats.s
}

// Download fetches an archive link (as Repositories.GetArchiveLink returns
// it) with retries; errors never show the link's token.
func (c *Client) Download(ctx context.Context, link *url.URL, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link.String(), nil)
	if err != nil {
		return nil, c.Redactor.Error(err)
	}
	resp, err := c.download.Do(req)
	if err != nil {
		return nil, c.Redactor.Error(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("downloading the archive: %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, c.Redactor.Error(fmt.Errorf("downloading the archive: %w", err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("the archive is larger than %d bytes", limit)
	}
	return data, nil
}

type tokenAuth struct {
	next  http.RoundTripper
	token string
}

func (t *tokenAuth) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", "Bearer "+t.token)
	return t.next.RoundTrip(r)
}

// observer counts requests and adds every credential it sees to the
// redactor before the request leaves.
type observer struct {
	next  http.RoundTripper
	red   *Redactor
	stats *stats
}

func (o *observer) RoundTrip(req *http.Request) (*http.Response, error) {
	if a := req.Header.Get("Authorization"); a != "" {
		if _, cred, ok := strings.Cut(a, " "); ok {
			o.red.Add(cred)
		}
		o.red.Add(a)
	}
	o.stats.add(func(s *Stats) {
		s.Requests++
		// Minting an App installation token changes nothing in a
		// repository: not a write.
		if isWrite(req.Method) && !strings.HasSuffix(req.URL.Path, "/access_tokens") {
			s.Writes++
		}
	})
	return o.next.RoundTrip(req)
}

func isWrite(method string) bool { return method != http.MethodGet && method != http.MethodHead }

type idempotentKey struct{}

// Idempotent marks the requests made with ctx as safe to repeat (a POST
// that creates a git tree, a commit object, or adds labels): the transport
// retries them after 5xx answers and timeouts like reads.
func Idempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

// UnknownOutcomeError is a write that failed in a way that does not say
// whether GitHub did it (a 5xx answer, a timeout, a dropped connection).
type UnknownOutcomeError struct {
	Method, Path string
	Err          error
}

func (e *UnknownOutcomeError) Error() string {
	return fmt.Sprintf("%s %s: %v (the write may or may not have happened)", e.Method, e.Path, e.Err)
}

func (e *UnknownOutcomeError) Unwrap() error { return e.Err }

// IsUnknownOutcome reports whether err is (or wraps) an UnknownOutcomeError.
func IsUnknownOutcome(err error) bool {
	var u *UnknownOutcomeError
	return errors.As(err, &u)
}

// Status returns the HTTP status of a go-github error (0 when err is not an
// answer from GitHub).
func Status(err error) int {
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		return er.Response.StatusCode
	}
	var rl *github.RateLimitError
	if errors.As(err, &rl) && rl.Response != nil {
		return rl.Response.StatusCode
	}
	var ab *github.AbuseRateLimitError
	if errors.As(err, &ab) && ab.Response != nil {
		return ab.Response.StatusCode
	}
	return 0
}

// Says reports whether err is a GitHub error whose message or one of whose
// errors' messages contains text ("A pull request already exists").
func Says(err error, text string) bool {
	var er *github.ErrorResponse
	if !errors.As(err, &er) {
		return false
	}
	if strings.Contains(er.Message, text) {
		return true
	}
	for _, e := range er.Errors {
		if strings.Contains(e.Message, text) {
			return true
		}
	}
	return false
}
