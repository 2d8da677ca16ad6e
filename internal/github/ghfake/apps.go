package ghfake

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

// GitHub Apps. An App authenticates with a JWT it signs with its private
// key (RS256, issuer = the App's id, at most ten minutes long) and trades it
// for an installation token at POST /app/installations/{id}/access_tokens;
// the installation token then works as any token until it expires (an hour)
// and is refused with 401 afterwards.
//
// App authentication runs on the wall clock, not on Server.Clock: the JWT
// library clients use (ghinstallation) signs with time.Now, and GitHub checks
// against its own real clock.

// App is a GitHub App the fake knows.
type App struct {
	ID            int64
	Slug          string // its bot user is "<slug>[bot]"
	Key           *rsa.PublicKey
	Installations []int64
}

type installToken struct {
	user    string
	expires time.Time
}

// NewAppKey makes an App's key pair as GitHub hands it out: the public
// key for App.Key, the private key as the PEM a client reads.
func NewAppKey() (*rsa.PublicKey, []byte, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, nil, err
	}
	return &key.PublicKey, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}), nil
}

// AddApp registers an App and its installations.
func (s *Server) AddApp(app App) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.apps == nil {
		s.apps = map[int64]*App{}
	}
	a := app
	s.apps[a.ID] = &a
}

// ExpireInstallationTokens makes every installation token issued so far
// expired, as an hour later (or a revocation) would.
func (s *Server) ExpireInstallationTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for tok, it := range s.instTokens {
		it.expires = time.Now().Add(-time.Second)
		s.instTokens[tok] = it
	}
}

// InstallationTokens returns the installation tokens issued so far.
func (s *Server) InstallationTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sortedKeys(s.instTokens)
}

// tokenUser resolves a credential to a login: "" with no credential; an
// error for an unknown, expired or misused one (s.mu held).
func (s *Server) tokenUser(cred string, appRoute bool) (string, *httpError) {
	if it, ok := s.instTokens[cred]; ok {
		if !time.Now().Before(it.expires) {
			return "", errf(http.StatusUnauthorized, "Bad credentials")
		}
		if appRoute {
			return "", errf(http.StatusUnauthorized, "A JSON web token could not be decoded")
		}
		return it.user, nil
	}
	if appRoute {
		return "", nil // the handler checks the JWT itself
	}
	if len(s.opts.Tokens) == 0 {
		if strings.Count(cred, ".") == 2 && len(s.apps) > 0 {
			// An App's JWT only opens the /app endpoints.
			return "", errf(http.StatusUnauthorized, "Bad credentials")
		}
		return "octocat", nil
	}
	if cred == "" {
		return "", nil
	}
	if u := s.opts.Tokens[cred]; u != "" {
		return u, nil
	}
	return "", errf(http.StatusUnauthorized, "Bad credentials")
}

// verifyJWT checks an App's JWT as GitHub does and returns the App.
func (s *Server) verifyJWT(raw string) (*App, *httpError) {
	var app *App
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		c, _ := t.Claims.(*jwt.RegisteredClaims)
		id, err := strconv.ParseInt(c.Issuer, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("'Issuer' claim ('iss') must be an Integer")
		}
		if app = s.apps[id]; app == nil {
			return nil, fmt.Errorf("Integration not found")
		}
		return app.Key, nil
	}, jwt.WithValidMethods([]string{"RS256"}))
	if err != nil {
		return nil, errf(http.StatusUnauthorized, "A JSON web token could not be decoded (%v)", err)
	}
	switch {
	case claims.IssuedAt == nil || claims.ExpiresAt == nil:
		return nil, errf(http.StatusUnauthorized, "'Issued at' and 'Expiration time' claims are required")
	case claims.ExpiresAt.Sub(claims.IssuedAt.Time) > 10*time.Minute:
		return nil, errf(http.StatusUnauthorized, "'Expiration time' claim ('exp') is too far in the future")
	case claims.IssuedAt.After(time.Now().Add(time.Minute)):
		return nil, errf(http.StatusUnauthorized, "'Issued at' claim ('iat') must be an Integer representing a time in the past")
	}
	return app, nil
}

func init() {
	handle("POST", "/app/installations/{id}/access_tokens", func(s *Server, r *request) (int, any, *httpError) {
		auth := r.Header.Get("Authorization")
		raw, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok {
			return 0, nil, errf(http.StatusUnauthorized, "A JSON web token could not be decoded")
		}
		app, e := s.verifyJWT(raw)
		if e != nil {
			return 0, nil, e
		}
		id, err := strconv.ParseInt(r.params["id"], 10, 64)
		found := false
		for _, i := range app.Installations {
			found = found || (err == nil && i == id)
		}
		if !found {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
		s.tokenSeq++
		tok := fmt.Sprintf("ghs_FAKEinstall%06dx%d", s.tokenSeq, id)
		exp := time.Now().Add(time.Hour).Truncate(time.Second)
		if s.instTokens == nil {
			s.instTokens = map[string]installToken{}
		}
		s.instTokens[tok] = installToken{user: app.Slug + "[bot]", expires: exp}
		return http.StatusCreated, map[string]any{"token": tok, "expires_at": exp.UTC().Format(time.RFC3339),
			"permissions":          map[string]string{"contents": "write", "pull_requests": "write", "issues": "write", "metadata": "read"},
			"repository_selection": "all"}, nil
	})
}
