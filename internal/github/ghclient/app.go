package ghclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/bradleyfalzon/ghinstallation/v2"
)

// appAuth authenticates as a GitHub App installation through ghinstallation
// (a JWT signed with the App's key, traded for an installation token that
// is renewed before it expires), and adds what a long campaign needs:
//
//   - every installation token goes into the redactor as soon as it is
//     issued, before any request can carry it (or an error quote it);
//   - a 401 for a token ghinstallation still holds valid (the clocks
//     disagree, or the token was revoked) renews the token once and repeats
//     the request: GitHub did not act on an unauthenticated one;
//   - failing to get a token is an error the transport knows was never
//     sent: retried after a 5xx or a dropped connection, reported at once for
//     a 4xx (a wrong App id, key or installation).
type appAuth struct {
	next           http.RoundTripper
	app            *App
	installationID int64
	baseURL        string
	red            *Redactor

	mu  sync.Mutex
	cur *ghinstallation.Transport
}

func newAppAuth(next http.RoundTripper, app *App, baseURL string, red *Redactor) (*appAuth, error) {
	a := &appAuth{next: next, app: app, installationID: app.InstallationID, baseURL: baseURL, red: red}
	var err error
	a.cur, err = a.fresh()
	return a, err
}

// fresh is a transport without a token. Each has its own AppsTransport:
// ghinstallation writes to it while fetching a token.
func (a *appAuth) fresh() (*ghinstallation.Transport, error) {
	t, err := ghinstallation.New(a.next, a.app.AppID, a.app.InstallationID, a.app.PrivateKey)
	if err != nil {
		return nil, err
	}
	t.BaseURL = a.baseURL
	return t, nil
}

// renew drops the installation token of t (unless another request did
// already) so that the next request gets a new one.
func (a *appAuth) renew(t *ghinstallation.Transport) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.cur == t {
		if n, err := a.fresh(); err == nil { // the key parsed before: it does again
			a.cur = n
		}
	}
}

func (a *appAuth) current() *ghinstallation.Transport {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cur
}

func (a *appAuth) RoundTrip(req *http.Request) (*http.Response, error) {
	t, err := a.token(req)
	if err != nil {
		return nil, err
	}
	resp, err := t.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized || (req.Body != nil && req.GetBody == nil) {
		return resp, err
	}
	drain(resp)
	a.renew(t)
	again := req.Clone(req.Context())
	if req.GetBody != nil {
		if again.Body, err = req.GetBody(); err != nil {
			return nil, err
		}
	}
	if t, err = a.token(again); err != nil {
		return nil, err
	}
	return t.RoundTrip(again)
}

// token makes sure the current transport holds a token (fetching one if
// needed) and registers it with the redactor.
func (a *appAuth) token(req *http.Request) (*ghinstallation.Transport, error) {
	t := a.current()
	tok, err := t.Token(req.Context())
	if err != nil {
		return nil, a.tokenError(err)
	}
	a.red.Add(tok)
	return t, nil
}

// notSentError is a failure before the request left: retrying it cannot
// repeat a write.
type notSentError struct {
	msg       string
	permanent bool
}

func (e *notSentError) Error() string { return e.msg }

func (a *appAuth) tokenError(err error) error {
	msg := fmt.Sprintf("GitHub App %d, installation %d: could not get an installation token", a.app.AppID, a.installationID)
	var he *ghinstallation.HTTPError
	if !errors.As(err, &he) || he.Response == nil {
		return &notSentError{msg: a.red.Redact(msg + ": " + err.Error())}
	}
	// ghinstallation leaves the body of a failed answer open for us: its
	// message says what is wrong (a bad key, an unknown installation).
	defer he.Response.Body.Close()
	var body struct{ Message string }
	b, _ := io.ReadAll(io.LimitReader(he.Response.Body, 64<<10))
	json.Unmarshal(b, &body)
	msg += ": " + he.Response.Status
	if body.Message != "" {
		msg += " " + body.Message
	}
	code := he.Response.StatusCode
	permanent := code < 500 && code != http.StatusTooManyRequests && code != http.StatusForbidden
	return &notSentError{msg: a.red.Redact(msg), permanent: permanent}
}
