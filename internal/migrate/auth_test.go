package migrate

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

// A campaign run as a GitHub App installation: the JWT and installation
// tokens are real (RS256, verified by the fake), the pull requests are the
// App's, a token GitHub stops accepting mid-campaign is renewed, and
// neither credential appears in any output even when the server quotes
// them back.
func TestCampaignWithAppAuth(t *testing.T) {
	pub, pemKey, err := ghfake.NewAppKey()
	if err != nil {
		t.Fatal(err)
	}
	w := newWorldWith(t, false, ghfake.Options{EchoAuthInErrors: true}, func(c *Campaign) {
		// A repository that does not exist: its error quotes the
		// credential back.
		c.Repos = append(c.Repos, "xynergy/gone")
	})
	w.fake.AddApp(ghfake.App{ID: 4242, Slug: "xylint-migrate", Key: pub, Installations: []int64{99}})
	client, err := ghclient.New(ghclient.Options{BaseURL: w.fake.URL, App: &ghclient.App{AppID: 4242, InstallationID: 99, PrivateKey: pemKey},
		Clock: w.fake.Clock, Timeout: 2 * time.Second, Logf: func(f string, a ...any) { w.logs.WriteString(strings.TrimSpace(f) + "\n") }})
	if err != nil {
		t.Fatal(err)
	}
	run := func() *Report {
		rep, err := Execute(context.Background(), Options{Campaign: w.c, Toolset: toolset.Default(), Mode: Run, Client: client, Clock: w.fake.Clock, Dashboard: true})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	rep := run()
	var out strings.Builder
	for _, f := range Formats {
		Write(&out, rep, f)
	}
	WriteHTML(&out, rep)
	prs := w.fake.PRs("xynergy", "platform")
	if len(prs) < 4 {
		t.Fatalf("%d PRs", len(prs))
	}
	for _, p := range prs {
		if p.User != "xylint-migrate[bot]" || !contains(p.Labels, "xylint:clients") {
			t.Fatalf("PR %d by %q labels %v", p.Number, p.User, p.Labels)
		}
	}
	if len(rep.Repos) != 2 || rep.Repos[0].Error == "" || !strings.Contains(rep.Repos[0].Error, "404") {
		t.Fatalf("the missing repository: %+v", rep.Repos[0])
	}
	// GitHub stops accepting the installation token between two runs of
	// the same client: the re-run renews it and finds nothing to do.
	w.fake.ExpireInstallationTokens()
	var jwts []string
	for _, e := range w.fake.Log() {
		if e.Route == ghfake.TokenRoute {
			jwts = append(jwts, e.Auth)
		}
	}
	w.fake.ResetLog()
	rep = run()
	for _, f := range Formats {
		Write(&out, rep, f)
	}
	if errs := reportErrors(rep); len(errs) != 1 {
		t.Fatalf("errors %v, want only the missing repository's", errs)
	}
	if _, writes := w.fake.Counts(); writes != 0 {
		t.Fatalf("the re-run wrote %d times", writes)
	}
	toks := w.fake.InstallationTokens()
	if len(toks) != 2 {
		t.Fatalf("installation tokens minted: %d, want 2 (one renewal)", len(toks))
	}
	secrets := append(append([]string{}, toks...), jwts...)
	for _, e := range w.fake.Log() {
		if e.Route == ghfake.TokenRoute {
			secrets = append(secrets, e.Auth)
		}
	}
	if len(secrets) != 4 {
		t.Fatalf("secrets %d", len(secrets))
	}
	all := out.String() + w.logs.String()
	if !strings.Contains(all, ghclient.Redacted) {
		t.Fatal("the fake was to quote the credential back: the test proves nothing")
	}
	for _, s := range secrets {
		if strings.Contains(all, s) || strings.Contains(all, s[len(s)-16:]) {
			t.Fatalf("a credential leaked: %q", s[:12])
		}
	}
}
