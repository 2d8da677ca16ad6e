package ghclient_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v62/github"

	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

// appSetup serves one repository to an App (id 42, installation 7) whose
// key the fake knows; echo makes the fake quote credentials in its errors.
func appSetup(t *testing.T, echo bool, mod func(*ghclient.Options)) (*ghfake.Server, *ghclient.Client, *strings.Builder) {
	t.Helper()
	pub, pemKey, err := ghfake.NewAppKey()
	if err != nil {
		t.Fatal(err)
	}
	fake := ghfake.New(ghfake.Options{Tokens: map[string]string{"ghp_person0123456789": "dana"}, EchoAuthInErrors: echo})
	t.Cleanup(fake.Close)
	fake.AddRepo("acme", "svc", map[string]string{"a.py": "a = 1\n"})
	fake.AddApp(ghfake.App{ID: 42, Slug: "xylint-app", Key: pub, Installations: []int64{7}})
	logs := &strings.Builder{}
	opts := ghclient.Options{BaseURL: fake.URL, App: &ghclient.App{AppID: 42, InstallationID: 7, PrivateKey: pemKey}, Clock: fake.Clock,
		Timeout: 2 * time.Second, Logf: func(f string, a ...any) { logs.WriteString(strings.TrimSpace(f) + "\n") }}
	if mod != nil {
		mod(&opts)
	}
	c, err := ghclient.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return fake, c, logs
}

func TestAppAuthentication(t *testing.T) {
	fake, c, _ := appSetup(t, false, nil)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, _, err := c.Repositories.Get(ctx, "acme", "svc"); err != nil {
			t.Fatal(err)
		}
	}
	// One token for the three requests.
	if toks := fake.InstallationTokens(); len(toks) != 1 {
		t.Fatalf("tokens minted: %d, want 1", len(toks))
	}
	// GitHub stops accepting the token before the client thinks it
	// expires (revoked, or the clocks disagree): one 401, a new token,
	// the request repeated — a write included, since a 401 did nothing.
	fake.ExpireInstallationTokens()
	is, _, err := c.Issues.Create(ctx, "acme", "svc", &github.IssueRequest{Title: github.String("t")})
	if err != nil {
		t.Fatal(err)
	}
	if got := is.GetUser().GetLogin(); got != "xylint-app[bot]" {
		t.Fatalf("issue opened by %q", got)
	}
	if toks := fake.InstallationTokens(); len(toks) != 2 {
		t.Fatalf("tokens minted: %d, want 2", len(toks))
	}
	if n := len(fake.Issues("acme", "svc")); n != 1 {
		t.Fatalf("%d issues", n)
	}
	var statuses []int
	for _, e := range fake.Log() {
		if e.Route == "POST /repos/{owner}/{repo}/issues" {
			statuses = append(statuses, e.Status)
		}
	}
	if len(statuses) != 2 || statuses[0] != 401 || statuses[1] != 201 {
		t.Fatalf("issue creation answers %v, want [401 201]", statuses)
	}
}

// A wrong installation is reported at once, with GitHub's message and
// without the JWT; a token endpoint that fails with 5xx is retried.
func TestAppTokenErrors(t *testing.T) {
	t.Run("unknown installation", func(t *testing.T) {
		fake, c, _ := appSetup(t, true, func(o *ghclient.Options) { o.App.InstallationID = 8 })
		_, _, err := c.Repositories.Get(context.Background(), "acme", "svc")
		if err == nil || !strings.Contains(err.Error(), "installation 8") || !strings.Contains(err.Error(), "404") {
			t.Fatalf("err = %v", err)
		}
		if all, _ := fake.Counts(); all != 1 {
			t.Fatalf("%d requests: a 404 for the installation is not retried", all)
		}
		jwt := fake.Log()[0].Auth
		if strings.Count(jwt, ".") != 2 {
			t.Fatalf("the fake saw %q, not a JWT", jwt)
		}
		if strings.Contains(err.Error(), jwt) || strings.Contains(err.Error(), jwt[len(jwt)-20:]) {
			t.Fatalf("the JWT leaked: %v", err)
		}
		if !strings.Contains(err.Error(), ghclient.Redacted) {
			t.Fatalf("the fake echoed the JWT, the message should show it redacted: %v", err)
		}
	})
	t.Run("5xx then a token", func(t *testing.T) {
		fake, c, _ := appSetup(t, false, nil)
		fake.AddFault(ghfake.Fault{Route: ghfake.TokenRoute, Kind: ghfake.BadGateway, Times: 2})
		// A write: the failure was before it left, so it is retried
		// rather than reported as of unknown outcome.
		if _, _, err := c.Issues.Create(context.Background(), "acme", "svc", &github.IssueRequest{Title: github.String("t")}); err != nil {
			t.Fatal(err)
		}
		if n := len(fake.Issues("acme", "svc")); n != 1 {
			t.Fatalf("%d issues", n)
		}
	})
}

// Neither the JWT nor the installation token shows in errors or logs, even
// when the server quotes them back.
func TestAppCredentialsAreRedacted(t *testing.T) {
	fake, c, logs := appSetup(t, true, nil)
	fake.AddFault(ghfake.Fault{Route: "GET /repos/{owner}/{repo}", Kind: ghfake.BadGateway})
	_, _, err := c.Repositories.Get(context.Background(), "acme", "nope")
	if err == nil {
		t.Fatal("want 404")
	}
	toks := fake.InstallationTokens()
	if len(toks) != 1 {
		t.Fatalf("tokens %v", toks)
	}
	var jwt string
	for _, e := range fake.Log() {
		if e.Route == ghfake.TokenRoute {
			jwt = e.Auth
		}
	}
	if !strings.Contains(err.Error(), toks[0]) {
		t.Fatal("the fake was to echo the installation token: the test proves nothing")
	}
	msg := c.Redactor.Error(err).Error() + logs.String()
	for what, secret := range map[string]string{"installation token": toks[0], "JWT": jwt} {
		if secret == "" || strings.Contains(msg, secret) {
			t.Fatalf("the %s leaked (or was never sent): %q", what, msg)
		}
	}
}
