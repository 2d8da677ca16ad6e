package pyproducer_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/pyrules"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/pyproducer"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/fix/fixrun"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/migrate/platformgen"
	"github.com/xynergy/xylint/internal/output"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/testutil/linediff"
)

// run checks root with every Python rule, with the cache in cacheDir
// ("": none), and returns the result, its JSON report and the producer.
func run(t *testing.T, root, cacheDir string, paths ...string) (*driver.Result, string, *pyproducer.Producer) {
	t.Helper()
	p := &pyproducer.Producer{Analyzers: pyrules.All}
	opts := driver.Options{
		Paths:       paths,
		Registry:    driver.NewRegistry(analyzers.Rules),
		Producers:   []driver.Producer{p},
		ProjectRoot: root,
	}
	if len(paths) == 0 {
		opts.Paths = []string{root}
	}
	if cacheDir != "" {
		opts.Cache = &driver.CacheOptions{Dir: cacheDir}
	}
	res, err := driver.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.RunNotices) > 0 {
		t.Fatalf("run notices: %v", res.RunNotices)
	}
	var b bytes.Buffer
	if err := output.Write(&b, res, output.Options{Format: "json", ToolVersion: "test"}); err != nil {
		t.Fatal(err)
	}
	return res, b.String(), p
}

// edits are what the property test does to a file: each changes what a
// rule finds in it or in other files (a route's auth, a print, a broad
// except, a client, an import), or breaks its syntax.
var edits = []func(src string, r *rand.Rand) string{
	func(src string, _ *rand.Rand) string { return src + "\nprint('debug')\n" },
	func(src string, _ *rand.Rand) string {
		return src + "\n\ndef handler():\n    try:\n        work()\n    except Exception:\n        pass\n"
	},
	func(src string, _ *rand.Rand) string {
		return strings.Replace(src, "dependencies=[Depends(verify_api_key)]", "", 1)
	},
	func(src string, _ *rand.Rand) string { return strings.ReplaceAll(src, "verify_api_key", "verify_key") },
	func(src string, _ *rand.Rand) string {
		return strings.Replace(src, "storage.Client()", "make_client()", 1)
	},
	func(src string, r *rand.Rand) string { // drop a line: sometimes a syntax error, sometimes a lost import
		lines := strings.Split(src, "\n")
		i := r.IntN(len(lines))
		return strings.Join(slices.Delete(lines, i, i+1), "\n")
	},
	func(src string, _ *rand.Rand) string {
		return strings.Replace(src, "import logging", "import logging\nimport requests", 1)
	},
	func(src string, _ *rand.Rand) string { return "# xylint: noqa\n" + src },
	func(src string, _ *rand.Rand) string { return strings.ReplaceAll(src, "print(", "print(  ") }, // same findings, other content
}

// added are files the property test adds.
var added = []string{
	"from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get(\"/open\")\ndef open_route():\n    print(\"hi\")\n    return {}\n",
	"import httpx\n\n\ndef fetch():\n    return httpx.Client()\n",
	"from shared.auth import verify_api_key as verify_key\n",
	"def verify_key():\n    return True\n",
	"def f(:\n",
}

// TestCacheProperty: on a generated platform, between runs, random files
// are edited, added, renamed and deleted; each time a run with the cache
// reports exactly what a run without it reports (the JSON report, byte for
// byte), for the whole tree and for a few named files, and `xylint fix`
// computes the same fixes from the cache as without it. A run with nothing
// changed is served entirely from the cache.
func TestCacheProperty(t *testing.T) {
	shared, err := filepath.Abs(filepath.Join(platform, "shared"))
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 12))
			root := t.TempDir()
			cacheDir := filepath.Join(t.TempDir(), "cache")
			files, err := platformgen.Files(8, shared)
			if err != nil {
				t.Fatal(err)
			}
			if err := platformgen.Write(root, files); err != nil {
				t.Fatal(err)
			}
			// Every file is old: the stat check trusts it. A file the
			// test changes gets a time of its own, an hour later per step.
			base := time.Now().Add(-48 * time.Hour)
			age(t, root, base)

			_, cold, _ := run(t, root, "")
			if _, filled, _ := run(t, root, cacheDir); filled != cold {
				t.Fatalf("the run filling the cache differs: %s", linediff.Text(filled, cold))
			}
			_, warm, p := run(t, root, cacheDir)
			if warm != cold {
				t.Fatalf("warm run differs: %s", linediff.Text(warm, cold))
			}
			if hits, misses := p.CacheStats(); misses != 0 || hits == 0 {
				t.Fatalf("nothing changed: %d hits, %d misses", hits, misses)
			}

			for step := 1; step <= 12; step++ {
				did := mutate(t, r, root, base.Add(time.Duration(step)*time.Hour))
				res, cold, _ := run(t, root, "")
				wres, warm, p := run(t, root, cacheDir)
				if warm != cold {
					t.Fatalf("step %d (%s): warm differs from cold: %s", step, did, linediff.Text(warm, cold))
				}
				if hits, _ := p.CacheStats(); hits == 0 {
					t.Errorf("step %d: no file came from the cache", step)
				}
				// A few named files, whole-project context from the cache.
				named := namedFiles(t, r, root)
				_, coldNamed, _ := run(t, root, "", named...)
				if _, warmNamed, _ := run(t, root, cacheDir, named...); warmNamed != coldNamed {
					t.Fatalf("step %d: named files %v differ: %s", step, named, linediff.Text(warmNamed, coldNamed))
				}
				// fix --diff computes the same from either; every third
				// step fix writes, and what follows must see its writes.
				if d, c := fixDiff(t, wres, false), fixDiff(t, res, false); d != c {
					t.Fatalf("step %d: fix --diff from the cache differs: %s", step, linediff.Text(d, c))
				}
				if step%3 == 0 {
					_, before, _ := run(t, root, cacheDir)
					fixRes, _, _ := run(t, root, cacheDir)
					if fixDiff(t, fixRes, true) == "" {
						continue
					}
					_, after, _ := run(t, root, cacheDir)
					_, afterCold, _ := run(t, root, "")
					if after != afterCold {
						t.Fatalf("step %d: after fix, warm differs from cold: %s", step, linediff.Text(after, afterCold))
					}
					if after == before {
						t.Errorf("step %d: fix wrote files, yet the warm report did not change", step)
					}
				}
			}
		})
	}
}

// fixDiff runs the fix engine over res (writing the files when write is
// set) and returns its diff.
func fixDiff(t *testing.T, res *driver.Result, write bool) string {
	t.Helper()
	sum := fixrun.Run(context.Background(), res, fixrun.Options{Write: write, Unsafe: true,
		Languages: map[lint.Language]fix.Options{lint.Python: {SyntaxErrors: pyedit.SyntaxErrors, Runtime: pyedit.Runtime}}})
	var b bytes.Buffer
	if err := fixrun.WriteDiff(&b, sum); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func pyFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func namedFiles(t *testing.T, r *rand.Rand, root string) []string {
	all := pyFiles(t, root)
	var out []string
	for range 3 {
		out = append(out, all[r.IntN(len(all))])
	}
	return out
}

// mutate edits, adds, renames or deletes one to three files, giving what it
// changed the time at, and says what it did.
func mutate(t *testing.T, r *rand.Rand, root string, at time.Time) string {
	t.Helper()
	var did []string
	for range 1 + r.IntN(3) {
		all := pyFiles(t, root)
		f := all[r.IntN(len(all))]
		rel, _ := filepath.Rel(root, f)
		switch op := r.IntN(10); {
		case op < 5:
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			e := r.IntN(len(edits))
			write(t, f, edits[e](string(b), r), at)
			did = append(did, fmt.Sprintf("edit %d %s", e, rel))
		case op < 7:
			dst := filepath.Join(filepath.Dir(f), fmt.Sprintf("added_%d.py", r.IntN(1000)))
			write(t, dst, added[r.IntN(len(added))], at)
			did = append(did, "add "+dst)
		case op < 9:
			dst := filepath.Join(filepath.Dir(f), fmt.Sprintf("renamed_%d.py", r.IntN(1000)))
			if err := os.Rename(f, dst); err != nil {
				t.Fatal(err)
			}
			did = append(did, "rename "+rel)
		default:
			if len(all) > 10 {
				if err := os.Remove(f); err != nil {
					t.Fatal(err)
				}
				did = append(did, "delete "+rel)
			}
		}
	}
	return strings.Join(did, ", ")
}

func write(t *testing.T, path, content string, at time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

func age(t *testing.T, root string, at time.Time) {
	t.Helper()
	for _, f := range pyFiles(t, root) {
		if err := os.Chtimes(f, at, at); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCacheKeepsDirectiveComments: the cache keeps a file's comments that
// may be suppression directives and no other: a warm run suppresses, and
// reports an unused directive, as a run without the cache does, and the
// pack does not hold the file's other comments.
func TestCacheKeepsDirectiveComments(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(-time.Hour)
	if err := os.MkdirAll(filepath.Join(root, "svc"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "pyproject.toml"), "[project]\nname = \"svc\"\n\n[tool.xylint]\nselect = [\"XY005\", \"XY100\", \"XY101\"]\n", old)
	write(t, filepath.Join(root, "svc", "work.py"), `# an-ordinary-comment-marker says what the module does
import logging


def run():
    print("a")  # noqa: XY005
    print("b")  # NOQA: XY004 -- nothing to suppress here
    print("c")  # another-ordinary-comment-marker
    logging.info("done")
`, old)
	cacheDir := t.TempDir()
	_, none, _ := run(t, root, "")
	_, cold, _ := run(t, root, cacheDir)
	_, warm, p := run(t, root, cacheDir)
	if hits, misses := p.CacheStats(); hits != 1 || misses != 0 {
		t.Fatalf("warm run: %d hits, %d misses; want the file from the cache", hits, misses)
	}
	if cold != none || warm != none {
		t.Errorf("with the cache the report differs: cold %s\nwarm %s", linediff.Text(cold, none), linediff.Text(warm, none))
	}
	if strings.Contains(none, `"line": 6`) || !strings.Contains(none, `"line": 8`) {
		t.Errorf("want the print at line 8 reported and line 6's suppressed: %s", none)
	}
	var packs []byte
	_ = filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			packs = append(packs, b...)
		}
		return err
	})
	if !bytes.Contains(packs, []byte("noqa: XY005")) || !bytes.Contains(packs, []byte("NOQA: XY004")) {
		t.Error("the directives are not in the cache")
	}
	if bytes.Contains(packs, []byte("ordinary-comment-marker")) {
		t.Error("the cache keeps comments that are no directive")
	}
}
