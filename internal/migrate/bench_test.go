package migrate

import (
	"context"
	"io"
	"path/filepath"
	"strings"
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

// The generated platform is what the issue asks the benchmark to run on:
// 35 services, ~230 client sites, in every shape the seed platform has,
// Go included, and valid Python.
func TestGeneratedPlatform(t *testing.T) {
	files, err := platformgen.Files(35, filepath.Join("..", "..", "testdata", "platform", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := platformgen.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	pyCompile(t, files)
	svcs, err := findServices(dir, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	an, err := analyse(context.Background(), toolset.Default(), dir, []string{"XY003"}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Errors) > 0 {
		t.Fatal(an.Errors)
	}
	shapes := map[string]int{}
	for _, s := range an.Sites {
		for _, shape := range []string{"at module level", "per request in route handler", "is built per request through", "is called by route handler", "cached", "per call of", "http.Client is built per request", "http.Get"} {
			if strings.Contains(s.Message, shape) {
				shapes[shape]++
			}
		}
	}
	if len(svcs) != 35 || len(an.Sites) < 220 || len(an.Sites) > 240 || len(shapes) != 8 {
		t.Fatalf("%d services, %d sites, shapes %v", len(svcs), len(an.Sites), shapes)
	}
	t.Logf("%d services, %d sites, %d fixed in %d files; shapes %v", len(svcs), len(an.Sites), fixedSites(an), len(an.Changes), shapes)
}

func fixedSites(an *Analysis) int {
	n := 0
	for _, s := range an.Sites {
		if s.Fixed() {
			n++
		}
	}
	return n
}

// BenchmarkPlan35 times `plan` through the fake GitHub (the archive
// download and extraction included) and, for comparison, the analysis and
// fixes alone as `xylint fix --diff` does them, on the same generated
// platform: the target is plan <= 2x fix --diff. bench/migrate.sh
// measures the same with the built binary.
func BenchmarkPlan35(b *testing.B) {
	files, err := platformgen.Files(35, filepath.Join("..", "..", "testdata", "platform", "shared"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("plan", func(b *testing.B) {
		fake := ghfake.New(ghfake.Options{})
		defer fake.Close()
		fake.AddRepo("xynergy", "platform", files)
		c := &Campaign{Name: "clients", Repos: []string{"xynergy/platform"}}
		if err := c.finish(); err != nil {
			b.Fatal(err)
		}
		for i := 0; i < b.N; i++ {
			cl, err := ghclient.New(ghclient.Options{BaseURL: fake.URL, Clock: fake.Clock})
			if err != nil {
				b.Fatal(err)
			}
			rep, err := Execute(context.Background(), Options{Campaign: c, Toolset: toolset.Default(), Mode: Plan, Client: cl, Clock: fake.Clock, Diffs: true})
			if err != nil || len(reportErrors(rep)) > 0 {
				b.Fatal(err, reportErrors(rep))
			}
			Write(io.Discard, rep, "text")
		}
	})
	b.Run("fix-diff", func(b *testing.B) {
		dir := b.TempDir()
		if err := platformgen.Write(dir, files); err != nil {
			b.Fatal(err)
		}
		for i := 0; i < b.N; i++ {
			an, err := analyse(context.Background(), toolset.Default(), dir, []string{"XY003"}, false, 0)
			if err != nil {
				b.Fatal(err)
			}
			for _, ch := range an.Changes {
				io.WriteString(io.Discard, Diff(ch.Path, ch.Old, ch.New))
			}
		}
	})
}
