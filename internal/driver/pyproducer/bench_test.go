package pyproducer_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/pyrules"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/pyproducer"
)

const platform = "../../../testdata/platform"

// check runs `xylint check` as the CLI does, without the output.
func check(b *testing.B, paths []string, jobs int) *driver.Result {
	b.Helper()
	res, err := driver.Run(context.Background(), driver.Options{
		Paths:     paths,
		Registry:  driver.NewRegistry(analyzers.Rules),
		Producers: []driver.Producer{&pyproducer.Producer{Analyzers: pyrules.All}},
		Jobs:      jobs,
	})
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkCheckFile is the cost of checking one service module with all
// rules, from configuration lookup and reading to the project phase.
func BenchmarkCheckFile(b *testing.B) {
	file := filepath.Join(platform, "content-hub", "main.py")
	fi, err := os.Stat(file)
	if err != nil {
		b.Fatal(err)
	}
	if res := check(b, []string{file}, 1); len(res.Files) != 1 || len(res.Errors) != 0 {
		b.Fatalf("%d files, errors %v", len(res.Files), res.Errors)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		check(b, []string{file}, 1)
	}
}

// BenchmarkCheckPlatform checks the sample platform (37 Python files,
// eleven services and shared/) on one worker and on every CPU.
func BenchmarkCheckPlatform(b *testing.B) {
	benchTree(b, platform)
}

// BenchmarkCheckCorpus checks $XYLINT_CORPUS (a checkout of
// python-docs-samples, say) as a whole run.
func BenchmarkCheckCorpus(b *testing.B) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		b.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	benchTree(b, root)
}

func benchTree(b *testing.B, root string) {
	for _, jobs := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("jobs="+strconv.Itoa(jobs), func(b *testing.B) {
			res := check(b, []string{root}, jobs)
			if len(res.Files) == 0 {
				b.Fatal("no files checked")
			}
			b.ReportAllocs()
			for b.Loop() {
				check(b, []string{root}, jobs)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(res.Files)), "µs/file")
		})
	}
}
