package ghclient

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

type transport struct {
	next  http.RoundTripper
	opts  Options
	red   *Redactor
	stats *stats
	reads chan struct{}

	writeMu   sync.Mutex
	lastWrite time.Time
	posts     []time.Time // content-creating requests of the last hour

	mu         sync.Mutex
	blockUntil time.Time // a rate limit holds requests back until then
}

func newTransport(next http.RoundTripper, opts Options, red *Redactor, st *stats) *transport {
	return &transport{next: next, opts: opts, red: red, stats: st, reads: make(chan struct{}, opts.ReadConcurrency)}
}

func (t *transport) logf(format string, args ...any) {
	if t.opts.Logf != nil {
		t.opts.Logf("%s", t.red.Redact(fmt.Sprintf(format, args...)))
	}
}

func (t *transport) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t.stats.add(func(s *Stats) { s.Waited += d })
	return t.opts.Clock.Sleep(ctx, d)
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	write := isWrite(req.Method)
	idempotent := !write || req.Method == http.MethodPut || req.Method == http.MethodPatch || req.Method == http.MethodDelete || ctx.Value(idempotentKey{}) != nil
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	what := req.Method + " " + req.URL.Path
	secondary := 0 // secondary limits met so far
	backoff := time.Second
	for attempt := 1; ; attempt++ {
		if attempt > 1 {
			t.stats.add(func(s *Stats) { s.Retries++ })
		}
		resp, err := t.attempt(ctx, req, body, write)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			var ns *notSentError
			if errors.As(err, &ns) && (ns.permanent || attempt >= t.opts.MaxAttempts) {
				return nil, err
			}
			if !idempotent && ns == nil {
				return nil, &UnknownOutcomeError{Method: req.Method, Path: req.URL.Path, Err: errors.New(t.red.Redact(err.Error()))}
			}
			if attempt >= t.opts.MaxAttempts {
				return nil, errors.New(t.red.Redact(err.Error()))
			}
			t.logf("%s: %v; retrying in %s", what, err, backoff)
			if err := t.sleep(ctx, backoff); err != nil {
				return nil, err
			}
			backoff *= 2
			continue
		}
		if wait, kind, limited := t.rateLimited(resp); limited {
			if kind == "secondary" {
				secondary++
				if wait == 0 {
					// No retry-after: at least a minute, doubling.
					wait = time.Minute << (secondary - 1)
				}
			}
			if attempt >= t.opts.MaxAttempts || wait > t.opts.MaxWait {
				t.logf("%s: %s rate limit; giving up after %d attempts", what, kind, attempt)
				return resp, nil
			}
			drain(resp)
			// The limits are the token's, not this request's: every other
			// request waits as well (a secondary limit met by one write
			// while the others go on would only be met again).
			t.blockFor(wait)
			t.logf("%s: %s rate limit; waiting %s", what, kind, wait.Round(time.Second))
			if err := t.sleep(ctx, wait); err != nil {
				return nil, err
			}
			continue
		}
		if resp.StatusCode >= 500 {
			if !idempotent {
				drain(resp)
				return nil, &UnknownOutcomeError{Method: req.Method, Path: req.URL.Path, Err: errors.New(resp.Status)}
			}
			if attempt < t.opts.MaxAttempts {
				drain(resp)
				t.logf("%s: %s; retrying in %s", what, resp.Status, backoff)
				if err := t.sleep(ctx, backoff); err != nil {
					return nil, err
				}
				backoff *= 2
				continue
			}
		}
		t.track(resp)
		return resp, nil
	}
}

// attempt sends the request once, inside the pacing: writes one at a time
// and spaced, reads bounded.
func (t *transport) attempt(ctx context.Context, req *http.Request, body []byte, write bool) (*http.Response, error) {
	if err := t.waitBlocked(ctx); err != nil {
		return nil, err
	}
	if write {
		t.writeMu.Lock()
		defer t.writeMu.Unlock()
		if err := t.pace(ctx, req.Method == http.MethodPost); err != nil {
			return nil, err
		}
	} else {
		select {
		case t.reads <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		defer func() { <-t.reads }()
	}
	actx, cancel := context.WithTimeout(ctx, t.opts.Timeout)
	r := req.Clone(actx)
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		r.ContentLength = int64(len(body))
	}
	resp, err := t.next.RoundTrip(r)
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// pace waits until the next write may go (t.writeMu held).
func (t *transport) pace(ctx context.Context, content bool) error {
	now := t.opts.Clock.Now()
	if t.opts.WriteInterval > 0 && !t.lastWrite.IsZero() {
		if err := t.sleep(ctx, t.lastWrite.Add(t.opts.WriteInterval).Sub(now)); err != nil {
			return err
		}
	}
	if content {
		for {
			now = t.opts.Clock.Now()
			kept := t.posts[:0]
			for _, p := range t.posts {
				if now.Sub(p) < time.Hour {
					kept = append(kept, p)
				}
			}
			t.posts = kept
			var wait time.Duration
			if n := t.opts.ContentPerHour; n > 0 && len(t.posts) >= n {
				wait = t.posts[len(t.posts)-n].Add(time.Hour).Sub(now)
			}
			if n := t.opts.ContentPerMinute; n > 0 && len(t.posts) >= n {
				if p := t.posts[len(t.posts)-n]; now.Sub(p) < time.Minute {
					wait = max(wait, p.Add(time.Minute).Sub(now))
				}
			}
			if wait <= 0 {
				break
			}
			t.logf("pacing content-creating requests: waiting %s", wait.Round(time.Second))
			if err := t.sleep(ctx, wait); err != nil {
				return err
			}
		}
		t.posts = append(t.posts, t.opts.Clock.Now())
	}
	t.lastWrite = t.opts.Clock.Now()
	return nil
}

// blockFor holds every request of the client back for d from now.
func (t *transport) blockFor(d time.Duration) {
	until := t.opts.Clock.Now().Add(d)
	t.mu.Lock()
	if until.After(t.blockUntil) {
		t.blockUntil = until
	}
	t.mu.Unlock()
}

// waitBlocked waits while a rate limit holds the client's requests back.
func (t *transport) waitBlocked(ctx context.Context) error {
	t.mu.Lock()
	until := t.blockUntil
	t.mu.Unlock()
	if d := until.Sub(t.opts.Clock.Now()); d > 0 {
		if d > t.opts.MaxWait {
			return fmt.Errorf("GitHub API rate limit exhausted until %s (longer than the longest wait allowed)", until.UTC().Format(time.RFC3339))
		}
		t.logf("rate limited: waiting %s", d.Round(time.Second))
		return t.sleep(ctx, d)
	}
	return nil
}

// rateLimited classifies a rate limit answer and how long to wait (0 for
// a secondary limit without retry-after: the caller backs off).
func (t *transport) rateLimited(resp *http.Response) (time.Duration, string, bool) {
	if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
		return 0, "", false
	}
	h := resp.Header
	if ra := h.Get("Retry-After"); ra != "" {
		if n, err := strconv.Atoi(strings.TrimSpace(ra)); err == nil {
			return time.Duration(n) * time.Second, "secondary", true
		}
	}
	if h.Get("X-RateLimit-Remaining") == "0" {
		if reset, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil {
			return max(time.Unix(reset, 0).Sub(t.opts.Clock.Now()), 0) + time.Second, "primary", true
		}
		return 0, "secondary", true
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return 0, "secondary", true
	}
	// A 403 is a rate limit only when it says so; otherwise it is a
	// permission error and goes back to the caller.
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	if bytes.Contains(bytes.ToLower(b), []byte("secondary rate limit")) || bytes.Contains(bytes.ToLower(b), []byte("abuse")) {
		return 0, "secondary", true
	}
	return 0, "", false
}

// track remembers an exhausted primary limit so the next request waits for
// the reset on the transport's clock. go-github would otherwise refuse
// requests by itself, on the wall clock, until the reset: the header is
// removed from what it sees.
func (t *transport) track(resp *http.Response) {
	h := resp.Header
	if h.Get("X-RateLimit-Remaining") != "0" {
		return
	}
	if reset, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil {
		t.mu.Lock()
		t.blockUntil = time.Unix(reset, 0).Add(time.Second)
		t.mu.Unlock()
	}
	h.Del("X-RateLimit-Reset")
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
