package migrate

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

// --local: one patch per service that `git am` applies as one commit each,
// leaving the tree as `xylint fix` does; the report lists what is left and
// why.
func TestLocalPatchesApplyWithGitAm(t *testing.T) {
	files := platformFiles(t)
	dir := t.TempDir()
	for p, c := range files {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-qm", "base")
	c := &Campaign{Name: "clients", Repos: []string{"x/y"}}
	if err := c.finish(); err != nil {
		t.Fatal(err)
	}
	patches := t.TempDir()
	rep, err := Execute(context.Background(), Options{Campaign: c, Toolset: toolset.Default(), Mode: Run, Local: dir, PatchDir: patches})
	if err != nil || rep.Repos[0].Error != "" {
		t.Fatal(err, rep.Repos[0].Error)
	}
	ps, _ := filepath.Glob(filepath.Join(patches, "*.patch"))
	if len(ps) != 4 {
		t.Fatalf("patches %v", ps)
	}
	git(append([]string{"am", "-q"}, ps...)...)
	want := t.TempDir()
	for p, c := range files {
		os.MkdirAll(filepath.Join(want, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(want, p), []byte(c), 0o644)
	}
	if err := fixInPlace(context.Background(), toolset.Default(), want, []string{"XY003"}, false); err != nil {
		t.Fatal(err)
	}
	got, _ := ghfake.ReadDir(dir)
	exp, _ := ghfake.ReadDir(want)
	for p, c := range exp {
		if got[p] != c {
			t.Errorf("%s differs from `xylint fix` after git am", p)
		}
	}
	var out strings.Builder
	Write(&out, rep, "text")
	// Every site left says why: its finding line ends with the reason
	// ("(no fix)", "(unsafe)"), and so does its service's LEFT column.
	left := 0
	for _, line := range strings.Split(out.String(), "\n") {
		line = strings.TrimSpace(line)
		if strings.Contains(line, ": XY003 [direct-client]") {
			left++
			if !strings.HasSuffix(line, "(no fix)") && !strings.HasSuffix(line, "(unsafe)") {
				t.Errorf("a site left without its reason: %s", line)
			}
		}
	}
	if left == 0 || !strings.Contains(out.String(), "(no fix: ") {
		t.Errorf("the report does not say why sites are left:\n%s", out.String())
	}
}
