package pyanalysis_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/pyrules"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// BenchmarkAnalyzeFile measures the per-file cost of parsing and running
// all Python rules on a realistic service module.
func BenchmarkAnalyzeFile(b *testing.B) {
	src, err := os.ReadFile("testdata/service.py")
	if err != nil {
		b.Fatal(err)
	}
	cfg := pyanalysis.Config{Analyzers: pyrules.All}
	if r := pyanalysis.AnalyzeFile("service.py", src, cfg); r.Err != nil || len(r.Diagnostics) == 0 {
		b.Fatalf("unexpected result: %v, %d diagnostics", r.Err, len(r.Diagnostics))
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		pyanalysis.AnalyzeFile("service.py", src, cfg)
	}
}

// BenchmarkParse is the parse-only floor for the same file.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/service.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := syntax.Parse("service.py", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrefilterCorpus matches the rules' prefilters against every .py
// file under $XYLINT_CORPUS, as a run does before it parses a file.
func BenchmarkPrefilterCorpus(b *testing.B) {
	_, srcs, total := corpus(b)
	mask := pyanalysis.PrefilterMaskOf(pyrules.All)
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, src := range srcs {
			mask(src)
		}
	}
}

// BenchmarkCorpus analyses every .py file under $XYLINT_CORPUS (for
// example a checkout of python-docs-samples) once per iteration, on one
// goroutine. Without the variable there is nothing to measure.
func BenchmarkCorpus(b *testing.B) {
	paths, srcs, total := corpus(b)
	cfg := pyanalysis.Config{Analyzers: pyrules.All}
	b.SetBytes(int64(total))
	for b.Loop() {
		for i := range paths {
			pyanalysis.AnalyzeFile(paths[i], srcs[i], cfg)
		}
	}
}

// corpus reads the .py files under $XYLINT_CORPUS (skipping the benchmark
// without it).
func corpus(b *testing.B) (paths []string, srcs [][]byte, total int) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		b.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			if src, err := os.ReadFile(p); err == nil {
				paths, srcs = append(paths, p), append(srcs, src)
				total += len(src)
			}
		}
		return nil
	})
	return paths, srcs, total
}

// BenchmarkProjectCorpus runs the project phase of all Python rules over
// the facts their file passes export for every .py file under
// $XYLINT_CORPUS (computed once, before timing): the serial tail of a run
// after the files, where the role model is built per rule that asks.
func BenchmarkProjectCorpus(b *testing.B) {
	paths, srcs, _ := corpus(b)
	mods := modules.New(paths)
	var facts []*pyanalysis.FileFacts
	for i, p := range paths {
		_, ff := pyanalysis.Analyze(p, srcs[i], pyanalysis.Config{Analyzers: pyrules.All, Module: mods.Module(p)})
		facts = append(facts, ff)
	}
	cfg := pyanalysis.ProjectConfig{Analyzers: pyrules.All, Modules: mods}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pyanalysis.RunProject(facts, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
