package ghclient_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v62/github"

	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

const canary = "ghp_CANARYcanary0123456789abcdefXYZ"

func setup(t *testing.T, mod func(*ghclient.Options)) (*ghfake.Server, *ghclient.Client) {
	t.Helper()
	fake := ghfake.New(ghfake.Options{Tokens: map[string]string{canary: "xylint-bot"}})
	t.Cleanup(fake.Close)
	fake.AddRepo("acme", "svc", map[string]string{"main.py": "print('hi')\n"})
	opts := ghclient.Options{BaseURL: fake.URL, Token: canary, Clock: fake.Clock, Timeout: 2 * time.Second}
	if mod != nil {
		mod(&opts)
	}
	c, err := ghclient.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return fake, c
}

func TestRetriesRateLimitsOnTheClock(t *testing.T) {
	for _, tc := range []struct {
		name     string
		fault    ghfake.Fault
		minSlept time.Duration
	}{
		{"429 with retry-after", ghfake.Fault{Kind: ghfake.Secondary429, RetryAfter: 30 * time.Second}, 30 * time.Second},
		// go-github v62 returns a 429 as a plain ErrorResponse: the
		// transport must recognise it by status and wait a minute.
		{"429 without retry-after", ghfake.Fault{Kind: ghfake.Secondary429}, time.Minute},
		{"secondary 403 without retry-after twice", ghfake.Fault{Kind: ghfake.Secondary403, Times: 2}, 3 * time.Minute},
		{"primary 403 remaining 0", ghfake.Fault{Kind: ghfake.PrimaryLimit}, time.Minute},
		{"502 on a read", ghfake.Fault{Kind: ghfake.BadGateway, Times: 2}, 3 * time.Second},
		{"dropped connection on a read", ghfake.Fault{Kind: ghfake.Drop}, time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake, c := setup(t, nil)
			fake.AddFault(tc.fault)
			start := time.Now()
			repo, _, err := c.Repositories.Get(context.Background(), "acme", "svc")
			if err != nil {
				t.Fatal(err)
			}
			if repo.GetDefaultBranch() != "main" {
				t.Fatalf("default branch %q", repo.GetDefaultBranch())
			}
			if got := fake.Clock.Slept(); got < tc.minSlept {
				t.Errorf("slept %s on the fake clock, want >= %s", got, tc.minSlept)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %s of real time", time.Since(start))
			}
		})
	}
}

func TestTimeoutOnReadIsRetried(t *testing.T) {
	fake, c := setup(t, func(o *ghclient.Options) { o.Timeout = 100 * time.Millisecond })
	fake.AddFault(ghfake.Fault{Route: "GET /repos/{owner}/{repo}", Kind: ghfake.Timeout})
	if _, _, err := c.Repositories.Get(context.Background(), "acme", "svc"); err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.Requests != 2 || st.Retries != 1 {
		t.Errorf("stats %+v, want 2 requests with 1 retry", st)
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	fake, c := setup(t, func(o *ghclient.Options) { o.MaxAttempts = 3 })
	fake.AddFault(ghfake.Fault{Kind: ghfake.Secondary429, Times: 10})
	_, _, err := c.Repositories.Get(context.Background(), "acme", "svc")
	if ghclient.Status(err) != http.StatusTooManyRequests {
		t.Fatalf("err = %v, want the 429", err)
	}
	if all, _ := fake.Counts(); all != 3 {
		t.Errorf("%d requests, want 3", all)
	}
}

func TestWriteWithUnknownOutcomeIsNotRetried(t *testing.T) {
	for _, kind := range []ghfake.FaultKind{ghfake.BadGateway, ghfake.Unavailable, ghfake.Drop, ghfake.Timeout} {
		t.Run(string(kind), func(t *testing.T) {
			fake, c := setup(t, func(o *ghclient.Options) { o.Timeout = 200 * time.Millisecond })
			ctx := context.Background()
			ref, _, err := c.Git.GetRef(ctx, "acme", "svc", "heads/main")
			if err != nil {
				t.Fatal(err)
			}
			fake.AddFault(ghfake.Fault{Route: "POST /repos/{owner}/{repo}/git/refs", Kind: kind, After: true})
			_, _, err = c.Git.CreateRef(ctx, "acme", "svc", &github.Reference{Ref: github.String("refs/heads/x"), Object: ref.Object})
			if !ghclient.IsUnknownOutcome(err) {
				t.Fatalf("err = %v, want an unknown outcome", err)
			}
			if fake.Ref("acme", "svc", "heads/x") == "" {
				t.Fatal("the fault was to hit after the write")
			}
			// Repeating it blindly would now fail: that is why the
			// caller checks first.
			_, _, err = c.Git.CreateRef(ctx, "acme", "svc", &github.Reference{Ref: github.String("refs/heads/x"), Object: ref.Object})
			if !ghclient.Says(err, "Reference already exists") {
				t.Fatalf("second create: %v", err)
			}
		})
	}
}

func TestIdempotentPostIsRetried(t *testing.T) {
	fake, c := setup(t, nil)
	ctx := ghclient.Idempotent(context.Background())
	fake.AddFault(ghfake.Fault{Route: "POST /repos/{owner}/{repo}/git/trees", Kind: ghfake.BadGateway})
	tree, _, err := c.Git.CreateTree(ctx, "acme", "svc", "", []*github.TreeEntry{{Path: github.String("a.py"), Mode: github.String("100644"), Type: github.String("blob"), Content: github.String("x = 1\n")}})
	if err != nil || tree.GetSHA() == "" {
		t.Fatalf("tree %v, err %v", tree, err)
	}
}

func TestWritesAreSerialAndPaced(t *testing.T) {
	fake, c := setup(t, func(o *ghclient.Options) { o.ContentPerMinute = 2 })
	ctx := ghclient.Idempotent(context.Background())
	for i := 0; i < 3; i++ {
		if _, _, err := c.Git.CreateBlob(ctx, "acme", "svc", &github.Blob{Content: github.String("x"), Encoding: github.String("utf-8")}); err != nil {
			t.Fatal(err)
		}
	}
	var at []time.Time
	for _, e := range fake.Log() {
		if e.Write() {
			at = append(at, e.At)
		}
	}
	if len(at) != 3 {
		t.Fatalf("%d writes", len(at))
	}
	if d := at[1].Sub(at[0]); d < time.Second {
		t.Errorf("writes %s apart, want >= 1s", d)
	}
	// The third content-creating request waits for the minute window.
	if d := at[2].Sub(at[0]); d < time.Minute {
		t.Errorf("third write %s after the first, want >= 1m (2 a minute)", d)
	}
}

// The canary token must not appear anywhere a user can see, even when a
// server (or a proxy) quotes it back.
func TestCanaryTokenIsRedacted(t *testing.T) {
	fake := ghfake.New(ghfake.Options{Tokens: map[string]string{"ghp_other0123456789": "x"}, EchoAuthInErrors: true})
	defer fake.Close()
	fake.AddRepo("acme", "svc", map[string]string{"a.py": "x = 1\n"})
	var logs strings.Builder
	c, err := ghclient.New(ghclient.Options{BaseURL: fake.URL, Token: canary, Clock: fake.Clock,
		Logf: func(f string, a ...any) { logs.WriteString(strings.ReplaceAll(f, "%s", a[0].(string))) }})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.Repositories.Get(context.Background(), "acme", "svc")
	if err == nil {
		t.Fatal("want Bad credentials")
	}
	if !strings.Contains(err.Error(), canary) {
		t.Fatal("the fake was to echo the token: the test proves nothing")
	}
	msg := c.Redactor.Error(err).Error()
	if strings.Contains(msg, canary) || !strings.Contains(msg, "Bad credentials") {
		t.Fatalf("redacted: %q", msg)
	}
	var er *github.ErrorResponse
	if !errors.As(c.Redactor.Error(err), &er) {
		t.Fatal("redaction lost the error's type")
	}
	var out strings.Builder
	w := c.Redactor.Writer(&out)
	w.Write([]byte("token " + canary + " and https://codeload.example/x.tar.gz?token=ARCHIVE1 and https://user:pw@host/x"))
	if s := out.String(); strings.Contains(s, canary) || strings.Contains(s, "ARCHIVE1") || strings.Contains(s, "pw@") {
		t.Fatalf("writer: %q", s)
	}
}

func TestEnterpriseBaseURL(t *testing.T) {
	fake, c := setup(t, nil)
	if !strings.HasSuffix(c.BaseURL, "/api/v3/") {
		t.Fatalf("base %q", c.BaseURL)
	}
	if _, _, err := c.Repositories.Get(context.Background(), "acme", "svc"); err != nil {
		t.Fatal(err)
	}
	if p := fake.Log()[0].Path; p != "/repos/acme/svc" {
		t.Fatalf("path %q", p)
	}
}

// gateClock is a fake clock whose sleeps block until released, so a test
// can see who waits.
type gateClock struct {
	*ghfake.Clock
	mu       sync.Mutex
	sleeping int
	release  chan struct{}
}

func (g *gateClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	g.mu.Lock()
	g.sleeping++
	g.mu.Unlock()
	<-g.release
	return g.Clock.Sleep(ctx, d)
}

func (g *gateClock) waitSleepers(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		g.mu.Lock()
		got := g.sleeping
		g.mu.Unlock()
		if got >= n {
			return
		}
	}
	t.Fatalf("fewer than %d requests waited", n)
}

// A secondary limit met by one request holds back the client's other
// requests too: they are the token's limits.
func TestSecondaryLimitHoldsEveryRequest(t *testing.T) {
	gate := &gateClock{release: make(chan struct{})}
	fake, _ := setup(t, nil)
	gate.Clock = fake.Clock
	c2, err := ghclient.New(ghclient.Options{BaseURL: fake.URL, Token: canary, Clock: gate, Timeout: 2 * time.Second, WriteInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	fake.AddFault(ghfake.Fault{Route: "POST /repos/{owner}/{repo}/issues", Kind: ghfake.Secondary403, RetryAfter: 30 * time.Second})
	ctx := context.Background()
	done := make(chan error, 2)
	go func() {
		_, _, err := c2.Issues.Create(ctx, "acme", "svc", &github.IssueRequest{Title: github.String("t")})
		done <- err
	}()
	gate.waitSleepers(t, 1)
	go func() {
		_, _, err := c2.Repositories.Get(ctx, "acme", "svc")
		done <- err
	}()
	gate.waitSleepers(t, 2)
	if all, _ := fake.Counts(); all != 1 {
		t.Fatalf("%d requests reached GitHub while the limit held", all)
	}
	close(gate.release)
	for i := 0; i < 2; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
