package newfindings

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/cache"
	"github.com/xynergy/xylint/internal/deploy"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/fingerprint"
	"github.com/xynergy/xylint/internal/gitrev"
	"github.com/xynergy/xylint/internal/lint"
)

// baseEntry is what the cache keeps of a base's analysis: its findings'
// fingerprints, each under the file's path at the base (a rename since is
// applied when they are used: it depends on the work tree, not the base).
// That is all Since needs of the base, so a base analysed before — the
// pre-commit hook's HEAD, from the second commit attempt on — is not
// analysed again.
type baseEntry struct {
	Prints []fingerprint.Print
}

// baseCache is a run's place for its base's fingerprints: a pack of the
// analysis cache (same directory, build, atomic writes; a corrupt pack is
// an empty one).
type baseCache struct {
	store *cache.Store[baseEntry]
	key   cache.Key
}

// openBaseCache returns the cache entry of the base commit's analysis, or
// nil when the run has no cache or the base's key cannot be made (then
// the base is analysed, as without a cache).
//
// The key is everything the base's findings depend on:
//   - the tree of the project root at the base (a tree ID fixes the path
//     and content of every file below it: the Python side reads nothing
//     else of the base);
//   - the configuration: the command line's overrides and size limit, and
//     the content of every configuration file the head run read (the base
//     run reads today's configuration, not the base's);
//   - the build of xylint (the cache's directory is per build);
//   - the deployment files of the work tree (the base run reads them, not
//     the base's: XY001's fix depends on them), by path and content;
//   - for Go, what the go command reads outside the base's tree: the work
//     tree's go.mod, go.sum and go.work (the Go side reads them from disk,
//     not from the base), the go command on PATH (its path, size and
//     modification time stand for its version) and the environment that
//     selects a build (GOFLAGS, GOOS, GOARCH, ...). Dependencies' sources
//     are fixed by go.sum.
func openBaseCache(ctx context.Context, repo *gitrev.Repo, sha string, head *driver.Result, opts driver.Options) *baseCache {
	if opts.Cache == nil {
		return nil
	}
	tree, err := repo.Tree(ctx, sha, head.Root())
	if err != nil {
		return nil
	}
	settings, ok := settingsKey(head, opts)
	if !ok {
		return nil
	}
	c, err := cache.Open(cache.Resolve(opts.Cache.Dir, head.Root()))
	if err != nil {
		return nil
	}
	deployKey := deploy.New().TreeKey(head.Root())
	return &baseCache{
		store: cache.OpenStore[baseEntry](c, "newfrom\x00"+head.Root()),
		key:   cache.Hash([]byte("base findings"), []byte(tree), settings[:], goKey(head), deployKey[:]),
	}
}

// settingsKey hashes the configuration the base run would use; ok is
// false when a configuration file cannot be read.
func settingsKey(head *driver.Result, opts driver.Options) (cache.Key, bool) {
	ov, err := json.Marshal(opts.Overrides)
	if err != nil {
		return cache.Key{}, false
	}
	parts := [][]byte{ov, fmt.Appendf(nil, "%d %t", opts.MaxFileSize, opts.NoGitignore)}
	for _, f := range head.ConfigFiles() {
		b, err := os.ReadFile(f)
		if err != nil {
			return cache.Key{}, false
		}
		parts = append(parts, []byte(f), b)
	}
	return cache.Hash(parts...), true
}

// goEnv are the environment variables that change what the go command
// loads or how it type-checks.
var goEnv = []string{"GOFLAGS", "GOOS", "GOARCH", "CGO_ENABLED", "GOEXPERIMENT", "GOWORK", "GOROOT",
	"GOPATH", "GOMODCACHE", "GOTOOLCHAIN", "GO111MODULE", "GOPROXY", "GONOSUMDB", "GOPRIVATE", "GOINSECURE"}

// goKey is the Go side's part of the key: nothing when the run saw no Go
// file (the Python side does not depend on it).
func goKey(head *driver.Result) []byte {
	var b strings.Builder
	mods := map[string]bool{}
	for _, f := range head.Files {
		if f.Language != lint.Go {
			continue
		}
		abs := filepath.Join(head.Root(), filepath.FromSlash(head.RelPath(f.Path)))
		for d := filepath.Dir(abs); !mods[d]; d = filepath.Dir(d) {
			mods[d] = true
			if d == filepath.Dir(d) {
				break
			}
		}
	}
	if len(mods) == 0 {
		return nil
	}
	for _, v := range goEnv {
		fmt.Fprintf(&b, "%s=%s\x00", v, os.Getenv(v))
	}
	if p, err := exec.LookPath("go"); err == nil {
		if fi, err := os.Stat(p); err == nil {
			fmt.Fprintf(&b, "go %s %d %d\x00", p, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	var dirs []string
	for d := range mods {
		dirs = append(dirs, d)
	}
	// Every directory from a Go file up to the file system's root: the
	// module files the go command finds for it (go.work from any of them).
	slices.Sort(dirs)
	for _, d := range dirs {
		for _, name := range []string{"go.mod", "go.sum", "go.work", "go.work.sum"} {
			if src, err := os.ReadFile(filepath.Join(d, name)); err == nil {
				k := cache.ContentHash(src)
				fmt.Fprintf(&b, "%s %x\x00", filepath.Join(d, name), k[:])
			}
		}
	}
	return []byte(b.String())
}

// get returns the base's fingerprints, if the cache has them.
func (c *baseCache) get() ([]fingerprint.Print, bool) {
	if c == nil {
		return nil, false
	}
	e, ok := c.store.Get(c.key)
	return e.Prints, ok
}

// put keeps the base's fingerprints and writes the pack; the error says
// why it could not be written (the results are right all the same).
func (c *baseCache) put(prints []fingerprint.Print) error {
	if c == nil {
		return nil
	}
	c.store.Put(c.key, baseEntry{Prints: prints})
	return c.store.Save()
}
