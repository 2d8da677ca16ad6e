package migrate

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
	"github.com/xynergy/xylint/internal/migrate/platformgen"
)

// BenchmarkCampaign35 runs the client campaign on the generated 35-service
// platform against the fake (write pacing off): a full run, then a no-op
// re-run. It reports the requests per new pull request and those of the
// re-run (targets: <= 6 and <= 5). bench/migrate.sh runs it.
func BenchmarkCampaign35(b *testing.B) {
	files, err := platformgen.Files(35, filepath.Join("..", "..", "testdata", "platform", "shared"))
	if err != nil {
		b.Fatal(err)
	}
	var perPR, noop, prs, sites float64
	for i := 0; i < b.N; i++ {
		fake := ghfake.New(ghfake.Options{Tokens: map[string]string{canary: "xylint-bot"}})
		fake.AddRepo("xynergy", "platform", files)
		c := &Campaign{Name: "clients", Repos: []string{"xynergy/platform"}, Labels: []string{"tech-debt"}}
		if err := c.finish(); err != nil {
			b.Fatal(err)
		}
		run := func() *Report {
			cl, err := ghclient.New(ghclient.Options{BaseURL: fake.URL, Token: canary, Clock: fake.Clock, WriteInterval: -1, ContentPerMinute: -1, ContentPerHour: -1})
			if err != nil {
				b.Fatal(err)
			}
			rep, err := Execute(context.Background(), Options{Campaign: c, Toolset: toolset.Default(), Mode: Run, Client: cl, Clock: fake.Clock})
			if err != nil {
				b.Fatal(err)
			}
			if errs := reportErrors(rep); len(errs) > 0 {
				b.Fatal(errs)
			}
			return rep
		}
		rep := run()
		all, _ := fake.Counts()
		n := len(fake.PRs("xynergy", "platform"))
		found, _, _, _ := rep.Totals()
		perPR, prs, sites = float64(all)/float64(n), float64(n), float64(found)
		fake.ResetLog()
		run()
		again, writes := fake.Counts()
		if writes != 0 {
			b.Fatalf("the re-run wrote %d times", writes)
		}
		noop = float64(again)
		fake.Close()
	}
	b.ReportMetric(perPR, "requests/PR")
	b.ReportMetric(noop, "noop-requests")
	b.ReportMetric(prs, "PRs")
	b.ReportMetric(sites, "sites")
}
