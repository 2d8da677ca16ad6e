package ghclient

import (
	"io"
	"regexp"
	"strings"
	"sync"
)

// Redactor removes credentials from text. It is safe for concurrent use.
type Redactor struct {
	mu      sync.RWMutex
	secrets []string
}

// Redacted replaces a secret in output.
const Redacted = "[REDACTED]"

// Add registers a secret (strings shorter than 8 bytes are ignored: they
// would redact ordinary words).
func (r *Redactor) Add(secret string) {
	secret = strings.TrimSpace(secret)
	if len(secret) < 8 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.secrets {
		if s == secret {
			return
		}
	}
	r.secrets = append(r.secrets, secret)
	// Longest first, so that "Bearer X" goes before X.
	for i := len(r.secrets) - 1; i > 0 && len(r.secrets[i]) > len(r.secrets[i-1]); i-- {
		r.secrets[i], r.secrets[i-1] = r.secrets[i-1], r.secrets[i]
	}
}

// urlToken matches the credentials URLs can carry: a token query parameter
// (archive links) and user:password@ in the authority.
var urlToken = regexp.MustCompile(`([?&](?:access_)?token=)[^&\s"']+|(//)[^/@\s"']+@`)

// Redact returns s without any registered secret or URL credential.
func (r *Redactor) Redact(s string) string {
	if r == nil {
		return s
	}
	r.mu.RLock()
	for _, sec := range r.secrets {
		s = strings.ReplaceAll(s, sec, Redacted)
	}
	r.mu.RUnlock()
	return urlToken.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "//") {
			return "//" + Redacted + "@"
		}
		i := strings.IndexByte(m, '=')
		return m[:i+1] + Redacted
	})
}

// Error returns err with a redacted message (nil for nil). errors.Is and
// errors.As still see the original.
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	msg := r.Redact(err.Error())
	if msg == err.Error() {
		return err
	}
	return &redactedError{msg: msg, err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// Writer returns a writer that redacts each write. Write whole messages
// (a secret split across two writes is not recognised).
func (r *Redactor) Writer(w io.Writer) io.Writer { return &redactWriter{r, w} }

type redactWriter struct {
	r *Redactor
	w io.Writer
}

func (rw *redactWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(rw.w, rw.r.Redact(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
