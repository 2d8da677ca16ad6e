package pyproducer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/pyproducer"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// spy keeps what Analyze returned, before the driver drops the sources of
// the files left without findings.
type spy struct {
	*pyproducer.Producer
	src map[string][]byte // by base name; nil when the result had none
	err map[string]error
}

func (s *spy) Analyze(ctx context.Context, files []driver.Input, jobs int) ([]*lint.FileResult, error) {
	rs, err := s.Producer.Analyze(ctx, files, jobs)
	s.src, s.err = map[string][]byte{}, map[string]error{}
	for _, r := range rs {
		s.src[filepath.Base(r.Path)] = r.Src
		s.err[filepath.Base(r.Path)] = r.Err
	}
	return rs, err
}

// TestSourcesKeptForFindings: a file pass that finds nothing drops the
// file's source (held for every file until the project phase, it was half
// of a run's live heap); the source is read again for a file the project
// phase reports into, and a file that changed since its pass is an error.
// Comments that may be suppression directives keep it (a problem with one
// is reported at its line).
func TestSourcesKeptForFindings(t *testing.T) {
	files := map[string]string{
		"svc/lib.py": "def f():\n    return 1\n",
		"svc/a.py":   "from lib import f\n\nf()\n",
		"svc/b.py":   "from lib import f\n\nf()\n",
		"svc/c.py":   "def k():\n    return len([])\n",
		"svc/n.py":   "x = 1  # NoQA: XY999\n",
	}
	root := filetree.Temp(t, files)
	b := filepath.Join(root, "svc", "b.py")
	// rewrite changes b.py once the file passes are done.
	rewrite := &pyanalysis.Analyzer{
		Rule: quietRule,
		Run:  func(*pyanalysis.Pass) error { return nil },
		Project: func(*pyanalysis.ProjectPass) error {
			return os.WriteFile(b, []byte("f()\n"), 0o644)
		},
	}
	p := &spy{Producer: &pyproducer.Producer{Analyzers: []*pyanalysis.Analyzer{crossCall, rewrite}}}
	if _, err := driver.Run(context.Background(), driver.Options{
		Paths:     []string{root},
		Registry:  &config.Registry{Rules: []*lint.Rule{lint.SyntaxError, crossCallRule, quietRule}},
		Producers: []driver.Producer{p},
		Jobs:      2,
	}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a.py": files["svc/a.py"], "n.py": files["svc/n.py"], "c.py": "", "lib.py": ""} {
		if got := string(p.src[name]); got != want || p.err[name] != nil {
			t.Errorf("%s: source %q (error %v), want %q", name, got, p.err[name], want)
		}
	}
	if p.src["c.py"] != nil || p.src["lib.py"] != nil {
		t.Errorf("a source without findings was kept: c.py %q, lib.py %q", p.src["c.py"], p.src["lib.py"])
	}
	if err := p.err["b.py"]; err == nil || !strings.Contains(err.Error(), "changed while") || p.src["b.py"] != nil {
		t.Errorf("b.py changed after its pass: error %v, source %q", err, p.src["b.py"])
	}
}
