package pyproducer_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
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

// BenchmarkCacheCorpus measures the cache on $XYLINT_CORPUS (polar's
// server/, say: ≥ 1,500 Python files), side by side in one run: a run
// without the cache, one that fills an empty cache, a warm run with
// nothing changed, and ten named files with the whole project as context
// from a warm cache (the pre-commit case). It reports each one's time as a
// ratio of the run without the cache (x-of-cold). bench/cache.sh measures
// the same as whole processes (start-up, reading the pack, peak RSS).
func BenchmarkCacheCorpus(b *testing.B) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		b.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	root, _ = filepath.Abs(root)
	ten := tenFiles(b, root)
	var coldPerOp float64
	for _, c := range []struct {
		name  string
		paths []string
		cache string // "": none; "empty": a new one each time; "warm"
	}{
		{"cold", nil, ""},
		{"filling", nil, "empty"},
		{"warm", nil, "warm"},
		{"ten-files-warm", ten, "warm"},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			opts := func() driver.Options {
				o := driver.Options{Paths: c.paths, ProjectRoot: root, Registry: driver.NewRegistry(analyzers.Rules),
					Producers: []driver.Producer{&pyproducer.Producer{Analyzers: pyrules.All}}}
				if len(o.Paths) == 0 {
					o.Paths = []string{root}
				}
				switch c.cache {
				case "empty":
					o.Cache = &driver.CacheOptions{Dir: filepath.Join(dir, strconv.Itoa(rand.Int()))}
				case "warm":
					o.Cache = &driver.CacheOptions{Dir: dir}
				}
				return o
			}
			if c.cache == "warm" {
				if _, err := driver.Run(context.Background(), opts()); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				res, err := driver.Run(context.Background(), opts())
				if err != nil || len(res.Files) == 0 || len(res.RunNotices) > 0 {
					b.Fatalf("%v %d files %v", err, len(res.Files), res.RunNotices)
				}
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if c.name == "cold" {
				coldPerOp = perOp
			}
			if coldPerOp > 0 {
				b.ReportMetric(perOp/coldPerOp, "x-of-cold")
			}
		})
	}
}

// tenFiles are ten Python files spread over root, in a fixed order.
func tenFiles(b *testing.B, root string) []string {
	var all []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") && !strings.Contains(p, "/.") {
			all = append(all, p)
		}
		return nil
	})
	if len(all) < 10 {
		b.Fatalf("%d Python files under %s", len(all), root)
	}
	var ten []string
	for i := range 10 {
		ten = append(ten, all[i*len(all)/10])
	}
	return ten
}
