package driver

import (
	"os"
	"testing"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/walk"
)

// BenchmarkWalkCorpus is the serial start of a run on $XYLINT_CORPUS (a
// checkout of python-docs-samples, say): the walk with .gitignore files
// and the configuration's excludes, as Run does it, and each file's
// configuration. The workers start only after it.
func BenchmarkWalkCorpus(b *testing.B) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		b.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	producers := []Producer{&fakeProducer{ext: ".py"}}
	opts := Options{Paths: []string{root}, Registry: NewRegistry(nil), Producers: producers}
	for b.Loop() {
		loader, err := config.NewLoader(opts.Registry, opts.Overrides)
		if err != nil {
			b.Fatal(err)
		}
		files, errs, _ := walk.Walk(opts.Paths, walkOptions(opts, loader, []string{".py", ".pyi"}, newErrSet(), &leftOut{}))
		if len(files) == 0 || len(errs) > 0 {
			b.Fatalf("%d files, errors %v", len(files), errs)
		}
		for _, f := range files {
			if _, err := loader.ForFile(f.Abs); err != nil {
				b.Fatal(err)
			}
		}
	}
}
