package fixrun_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/fix/fixrun"
)

// generated is a generated module of about size bytes: functions that each
// print, every one a finding of XY005 with a fix.
func generated(size int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "def f%d(x):\n    print(\"value\", x)\n    return x\n\n\n", i)
	}
	return []byte(b.String())
}

// BenchmarkFixGrowingFile times `xylint check` and `xylint fix --diff` on
// one generated file of growing size. Fix time should grow with the work
// (linearly), as check's does: compare fix/N with check/N across N (each
// doubling of N should about double both). Issue 10 measured, before this
// benchmark existed, fix at 1.0 s for 200 KB, 9.9 s for 800 KB and 53 s for
// 2 MB, with check at ~2 s.
func BenchmarkFixGrowingFile(b *testing.B) {
	ts := toolset.Default()
	for _, kb := range []int{100, 200, 400, 800, 1600} {
		dir := b.TempDir()
		path := filepath.Join(dir, "gen.py")
		if err := os.WriteFile(path, generated(kb<<10), 0o644); err != nil {
			b.Fatal(err)
		}
		check := func() *driver.Result {
			res, err := driver.Run(context.Background(), driver.Options{
				Paths: []string{path}, Registry: ts.Registry, Producers: ts.Producers(), Jobs: 1, MaxFileSize: 64 << 20,
			})
			if err != nil || len(res.Errors) > 0 {
				b.Fatalf("check: %v %v", err, res.Errors)
			}
			return res
		}
		b.Run(fmt.Sprintf("check/%dKB", kb), func(b *testing.B) {
			for b.Loop() {
				check()
			}
		})
		b.Run(fmt.Sprintf("fix/%dKB", kb), func(b *testing.B) {
			for b.Loop() {
				res := check()
				sum := fixrun.Run(context.Background(), res, fixrun.Options{Unsafe: true, Jobs: 1, Languages: ts.Fix})
				if sum.Fixed() == 0 || sum.Failed() > 0 {
					b.Fatalf("fixed %d, failed %d", sum.Fixed(), sum.Failed())
				}
			}
		})
	}
}
