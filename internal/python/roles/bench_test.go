package roles_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
)

// BenchmarkModelCorpus builds the role model (roles.Of: every file's part
// linked through the project's calls, then the four walks from the entry
// points) over the files of $XYLINT_CORPUS (polar's server/, say), from
// facts computed once: the project-phase cost a warm run pays per rule
// that asks for the model.
func BenchmarkModelCorpus(b *testing.B) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		b.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	model := *probe
	model.Project = func(pp *pyanalysis.ProjectPass) error {
		if m := roles.Of(pp); m == nil {
			b.Fatal("no model")
		}
		return nil
	}
	analyzers := []*pyanalysis.Analyzer{&model}
	var paths []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") && !strings.Contains(p, "/.") {
			paths = append(paths, p)
		}
		return nil
	})
	mods := modules.New(paths)
	var facts []*pyanalysis.FileFacts
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		_, ff := pyanalysis.Analyze(p, src, pyanalysis.Config{Analyzers: analyzers, Module: mods.Module(p)})
		facts = append(facts, ff)
	}
	cfg := pyanalysis.ProjectConfig{Analyzers: analyzers, Modules: mods}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pyanalysis.RunProject(facts, cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(paths)), "µs/file")
}
