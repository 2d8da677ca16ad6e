package pyproducer_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/pyproducer"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

var platformRule = &lint.Rule{Code: "XY903", Name: "platform", Severity: lint.Warning}

// platformAuth reports, in every file with facts, what the deployment files
// say of its service's platform auth (as XY002's project phase asks).
var platformAuth = &pyanalysis.Analyzer{
	Rule:         platformRule,
	PlatformAuth: true,
	FactTypes:    []pyanalysis.Fact{platformFact{}},
	Run: func(p *pyanalysis.Pass) error {
		p.ExportFact(platformFact{})
		return nil
	},
	Project: func(p *pyanalysis.ProjectPass) error {
		for _, f := range p.Files {
			msg := "no platform auth"
			if e := p.Deployment(f.Path).PlatformAuth(); e != nil {
				msg = e.File + ": " + e.What
			}
			p.Report(lint.Diagnostic{Path: f.Path, Message: msg})
		}
		return nil
	},
}

// prefetchSpy records the driver's Prefetch calls and whether each came
// before the run's Analyze.
type prefetchSpy struct {
	*pyproducer.Producer
	roots    []string
	enabled  []bool // platformRule enabled, per call
	analyzed bool
	early    bool // a Prefetch came before Analyze
}

func (s *prefetchSpy) Prefetch(root string, enabled func(*lint.Rule) bool) {
	s.roots = append(s.roots, root)
	s.enabled = append(s.enabled, enabled(platformRule))
	s.early = !s.analyzed
	s.Producer.Prefetch(root, enabled)
}

func (s *prefetchSpy) Analyze(ctx context.Context, files []driver.Input, jobs int) ([]*lint.FileResult, error) {
	s.analyzed = true
	return s.Producer.Analyze(ctx, files, jobs)
}

// The driver starts Prefetch before its walk, at the project's root, with
// the rules enabled there (the command line's --select included); the
// platform auth the project phase then reads is what the deployment files
// say, with the deployment read ahead or not.
func TestPrefetchBeforeTheWalk(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		".github/workflows/ci.yml": "on: push\n",
		"deploy.sh":                "gcloud run deploy billing --source billing --no-allow-unauthenticated\n",
		"billing/main.py":          "x = 1\n",
		"public/main.py":           "x = 1\n",
	})
	for _, c := range []struct {
		name    string
		ov      config.Overrides
		enabled bool
	}{
		{"all rules", config.Overrides{}, true},
		{"--select another rule", config.Overrides{Select: []string{"XY902"}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			spy := &prefetchSpy{Producer: &pyproducer.Producer{Analyzers: []*pyanalysis.Analyzer{platformAuth, quiet}}}
			res, err := driver.Run(context.Background(), driver.Options{
				Paths:     []string{root},
				Registry:  &config.Registry{Rules: []*lint.Rule{lint.SyntaxError, platformRule, quietRule}},
				Overrides: c.ov,
				Producers: []driver.Producer{spy},
				Jobs:      2,
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(spy.roots) != 1 || !spy.early || spy.roots[0] != root || spy.enabled[0] != c.enabled {
				t.Fatalf("Prefetch calls at %q (before Analyze: %v), platform rule enabled %v; want one at %s before Analyze, enabled %v",
					spy.roots, spy.early, spy.enabled, root, c.enabled)
			}
			got := map[string]string{}
			for _, d := range res.Diagnostics {
				if d.Rule == platformRule {
					got[filepath.Base(filepath.Dir(d.Path))] = d.Message
				}
			}
			want := map[string]string{}
			if c.enabled {
				want = map[string]string{"billing": "deploy.sh: deploys billing to Cloud Run with --no-allow-unauthenticated", "public": "no platform auth"}
			}
			if len(got) != len(want) || got["billing"] != want["billing"] || got["public"] != want["public"] {
				t.Errorf("platform auth %v, want %v", got, want)
			}
		})
	}
}

type platformFact struct{}

func (platformFact) PyFact() {}
