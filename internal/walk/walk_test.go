package walk

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/filetree"
)

func paths(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	slices.Sort(out)
	return out
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

func TestWalkRespectsGitignoreAndSkipsNonSource(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		".git/info/exclude":        "local_notes.py\n",
		".gitignore":               "*.gen.py\nbuild/\n!keep.gen.py\n",
		"app/main.py":              "",
		"app/stub.pyi":             "",
		"app/readme.md":            "",
		"app/x.gen.py":             "",
		"app/keep.gen.py":          "",
		"app/.gitignore":           "secret/\n/local.py\n",
		"app/secret/s.py":          "",
		"app/local.py":             "",
		"app/sub/local.py":         "", // /local.py is anchored at app/
		"build/out.py":             "",
		"local_notes.py":           "",
		".venv/lib/x.py":           "",
		"env2/pyvenv.cfg":          "home = /usr\n",
		"env2/lib/y.py":            "",
		"node_modules/pkg/z.py":    "",
		".git/hooks/h.py":          "",
		"svc/__pycache__/m.py":     "",
		"svc/ok.py":                "",
		"svc/tests/test_things.py": "",
	})
	chdir(t, root)
	exclude := func(abs string, isDir bool) bool {
		switch filepath.Base(abs) {
		case "node_modules", ".venv", "__pycache__":
			return isDir
		}
		return false
	}
	files, errs, _ := Walk([]string{"."}, Options{Extensions: []string{".py", ".pyi"}, Exclude: exclude})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []string{"app/keep.gen.py", "app/main.py", "app/stub.pyi", "app/sub/local.py", "svc/ok.py", "svc/tests/test_things.py"}
	if got := paths(files); !slices.Equal(got, want) {
		t.Errorf("files:\n got %q\nwant %q", got, want)
	}
}

func TestWalkFromSubdirectoryUsesParentGitignore(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		".git/HEAD":          "",
		".gitignore":         "generated/\n",
		"svc/a.py":           "",
		"svc/generated/g.py": "",
	})
	chdir(t, root)
	files, _, _ := Walk([]string{"svc"}, Options{Extensions: []string{".py"}})
	if got := paths(files); !slices.Equal(got, []string{"svc/a.py"}) {
		t.Errorf("got %q", got)
	}
}

func TestExplicitFilesAreAlwaysChecked(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		".gitignore":        "ignored.py\n",
		"ignored.py":        "",
		"script":            "", // no extension, but named
		"node_modules/n.py": "",
	})
	chdir(t, root)
	files, errs, _ := Walk([]string{"ignored.py", "script", "./node_modules/n.py", "ignored.py"},
		Options{Extensions: []string{".py"}, Exclude: func(string, bool) bool { return true }})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	want := []string{"ignored.py", "node_modules/n.py", "script"} // deduplicated
	if got := paths(files); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, f := range files {
		if !f.Explicit {
			t.Errorf("%s not marked explicit", f.Path)
		}
	}
}

func TestWalkReportsBrokenPathsAndGoesOn(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"good.py": "", "pkg/b.py": ""})
	chdir(t, root)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("missing.py", "dangling.py"))
	must(os.Symlink("loop.py", "loop.py"))             // ELOOP
	must(os.Symlink("/nonexistent", "build"))          // dangling, not a source name: ignored
	must(os.Symlink("..", filepath.Join("pkg", "up"))) // directory loop
	must(syscall.Mkfifo("pipe.py", 0o644))             // would block a reader
	must(os.Symlink("good.py", "alias.py"))            // same file twice: once

	files, errs, _ := Walk([]string{".", "missing_arg.py"}, Options{Extensions: []string{".py"}})
	if got := paths(files); !slices.Equal(got, []string{"alias.py", "pkg/b.py"}) && !slices.Equal(got, []string{"good.py", "pkg/b.py"}) {
		t.Errorf("files = %q", got)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	slices.Sort(msgs)
	want := []string{
		"dangling.py: dangling symbolic link",
		"loop.py: too many levels of symbolic links",
		"missing_arg.py: no such file or directory",
		"pipe.py: not a regular file (named pipe)",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("errors:\n got %q\nwant %q", msgs, want)
	}
}

func TestDanglingSymlinkNamedExplicitly(t *testing.T) {
	root := t.TempDir()
	chdir(t, root)
	if err := os.Symlink("nowhere.py", "d.py"); err != nil {
		t.Fatal(err)
	}
	_, errs, _ := Walk([]string{"d.py"}, Options{Extensions: []string{".py"}})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "dangling symbolic link") {
		t.Errorf("errs = %v", errs)
	}
}

// A checked-out fork can hold links to anything on the machine
// ("netrc.py -> ~/.netrc"): a link whose target lies outside the paths
// given is neither read nor written, and is reported as skipped; a link
// that stays inside them is followed.
func TestSymlinksLeavingTheRootsAreSkipped(t *testing.T) {
	outside := filetree.Temp(t, map[string]string{"netrc.py": "password = 'x'\n", "lib/ext.py": ""})
	root := filetree.Temp(t, map[string]string{
		"svc/main.py":      "",
		"shared/common.py": "",
		"other/o.py":       "",
	})
	chdir(t, root)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(outside, "netrc.py"), "svc/netrc.py")) // file out
	must(os.Symlink(filepath.Join(outside, "lib"), "svc/vendored"))      // directory out
	must(os.Symlink("../shared", "svc/shared"))                          // directory in
	must(os.Symlink("../shared/common.py", "svc/alias.py"))              // file in
	must(os.Symlink("../other", filepath.Join("shared", "to_other")))    // in when "other" is a root too

	files, errs, notices := Walk([]string{"svc", "shared"}, Options{Extensions: []string{".py"}})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	// shared/common.py is reached three ways and listed once; other/ is not
	// a root, so shared/to_other is skipped (seen first through svc/shared).
	got := paths(files)
	if !slices.Contains(got, "svc/main.py") || slices.Contains(got, "svc/netrc.py") || slices.Contains(got, "svc/vendored/ext.py") {
		t.Errorf("files = %q", got)
	}
	if n := len(got); n != 2 {
		t.Errorf("files = %q, want svc/main.py and one path of shared/common.py", got)
	}
	var msgs []string
	for _, n := range notices {
		msgs = append(msgs, n.Path)
		if !strings.Contains(n.Err.Error(), "leads out of the checked paths") {
			t.Errorf("notice %v does not say why", n)
		}
	}
	slices.Sort(msgs)
	if want := []string{"svc/netrc.py", "svc/shared/to_other", "svc/vendored"}; !slices.Equal(msgs, want) {
		t.Errorf("notices = %q, want %q", msgs, want)
	}
	for _, f := range files {
		if f.Real == "" || !strings.HasPrefix(f.Real, evalSymlinks(t, root)) {
			t.Errorf("%s: Real = %q, want a path under %s", f.Path, f.Real, root)
		}
	}

	// Given as a root, other/ is inside: the link to it is followed.
	files, _, notices = Walk([]string{"shared", "other"}, Options{Extensions: []string{".py"}})
	if got := paths(files); !slices.Equal(got, []string{"other/o.py", "shared/common.py"}) && !slices.Equal(got, []string{"shared/common.py", "shared/to_other/o.py"}) {
		t.Errorf("with other/ as a root: files = %q", got)
	}
	if len(notices) != 0 {
		t.Errorf("with other/ as a root: notices = %v", notices)
	}

	// A link named on the command line is what the user asked for.
	files, _, notices = Walk([]string{"svc/netrc.py"}, Options{Extensions: []string{".py"}})
	if got := paths(files); !slices.Equal(got, []string{"svc/netrc.py"}) || len(notices) != 0 {
		t.Errorf("named explicitly: files = %q, notices = %v", got, notices)
	}
}

func evalSymlinks(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Files come back in walk order, depth first with each directory's entries
// sorted; a directory reached through a link before its own turn is walked
// there, once; an excluded or ignored directory is not entered.
func TestWalkOrder(t *testing.T) {
	tree := map[string]string{".gitignore": "ignored/\n"}
	var want []string
	for _, d := range []string{"a", "b/c", "b/d/e", "f"} {
		for _, n := range []string{"1.py", "2.py"} {
			tree[d+"/"+n] = ""
		}
	}
	for i := range 30 {
		tree[filepath.Join("many", string(rune('a'+i%26))+strings.Repeat("x", i/26), "m.py")] = ""
	}
	tree["z/target.py"] = ""
	tree["excluded/sub/x.py"] = ""
	tree["ignored/sub/x.py"] = ""
	root := filetree.Temp(t, tree)
	chdir(t, root)
	if err := os.Symlink("z", "link"); err != nil {
		t.Fatal(err)
	}
	want = []string{"a/1.py", "a/2.py", "b/c/1.py", "b/c/2.py", "b/d/e/1.py", "b/d/e/2.py", "f/1.py", "f/2.py", "link/target.py"}
	var many []string
	for i := range 30 {
		many = append(many, "many/"+string(rune('a'+i%26))+strings.Repeat("x", i/26)+"/m.py")
	}
	slices.Sort(many)
	want = slices.Insert(want, 9, many...)
	exclude := func(abs string, isDir bool) bool { return isDir && filepath.Base(abs) == "excluded" }
	for range 3 {
		listed := map[string]int{}
		files, errs, notices := Walk([]string{"."}, Options{Extensions: []string{".py"}, Exclude: exclude,
			Listed: func(abs string, _ []fs.DirEntry) { listed[strings.TrimPrefix(abs, root)]++ }})
		if len(errs) != 0 || len(notices) != 0 {
			t.Fatalf("errors %v, notices %v", errs, notices)
		}
		for d, n := range listed {
			if n != 1 || strings.HasPrefix(d, "/excluded") || strings.HasPrefix(d, "/ignored") || d == "/z" {
				t.Errorf("%s listed %d times", d, n)
			}
		}
		var got []string
		for _, f := range files {
			got = append(got, f.Path)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("files in walk order:\n%q\nwant\n%q", got, want)
		}
	}
}

// isClean is filepath.Clean(p) == p, without Clean where it can tell.
func TestIsClean(t *testing.T) {
	for _, p := range []string{"", "/", ".", "..", "/a", "/a/", "/a//b", "/a/./b", "/a/../b", "/a/.", "/a/..", "/a/.b", "/a/..b",
		"/a/b.", "a", "a/b", "./a", "../a", "/.git/x", "/srv/app/main.py", "//a", "/a/b/"} {
		if got, want := isClean(p), filepath.Clean(p) == p; got != want {
			t.Errorf("isClean(%q) = %v, want %v", p, got, want)
		}
	}
}
