package gitrev

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/gittest"
)

func write(t *testing.T, p, content string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A snapshot of a directory of a commit: its files' contents from git,
// which of them the work tree holds unchanged, and what was renamed.
func TestSnapshotAndDiff(t *testing.T) {
	ctx := context.Background()
	top := t.TempDir()
	svc := filepath.Join(top, "svc")
	gittest.Run(t, top, "init", "-q")
	body := strings.Repeat("def handler():\n    return 1\n", 20)
	write(t, filepath.Join(svc, "same.py"), "x = 1\n")
	write(t, filepath.Join(svc, "sparse.py"), "s = 1\n")
	write(t, filepath.Join(svc, "edited.py"), "y = 1\n")
	write(t, filepath.Join(svc, "gone.py"), "z = 1\n")
	write(t, filepath.Join(svc, "old_name.py"), body)
	write(t, filepath.Join(top, "outside.py"), "w = 1\n")
	gittest.Run(t, top, "add", "-A")
	gittest.Run(t, top, "commit", "-q", "-m", "base")
	write(t, filepath.Join(svc, "edited.py"), "y = 2\n")
	os.Remove(filepath.Join(svc, "gone.py"))
	gittest.Run(t, top, "mv", "svc/old_name.py", "svc/new_name.py")
	write(t, filepath.Join(svc, "untracked.py"), "u = 1\n")
	// Out of a sparse checkout: git sees it unchanged, the disk lacks it.
	gittest.Run(t, top, "update-index", "--skip-worktree", "svc/sparse.py")
	os.Remove(filepath.Join(svc, "sparse.py"))

	repo, err := Open(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	sha, err := repo.Resolve(ctx, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	snap, err := repo.Snapshot(ctx, sha, svc)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	var names []string
	for _, f := range snap.Files() {
		names = append(names, strings.TrimPrefix(f, svc+string(filepath.Separator)))
	}
	if got := strings.Join(names, " "); got != "edited.py gone.py old_name.py same.py sparse.py" {
		t.Errorf("files %q", got)
	}
	if b, err := snap.Read(filepath.Join(svc, "edited.py")); err != nil || string(b) != "y = 1\n" {
		t.Errorf("edited.py at the commit: %q, %v", b, err)
	}
	if b, err := snap.Read(filepath.Join(svc, "old_name.py")); err != nil || string(b) != body {
		t.Errorf("old_name.py at the commit: %q, %v", b, err)
	}
	if _, err := snap.Read(filepath.Join(svc, "untracked.py")); err == nil {
		t.Error("a file the commit lacks was read")
	}
	ch, err := repo.Diff(ctx, sha, svc)
	if err != nil {
		t.Fatal(err)
	}
	snap.SetChanges(ch)
	for name, same := range map[string]bool{"same.py": true, "edited.py": false, "gone.py": false, "old_name.py": false, "new_name.py": false, "untracked.py": false, "sparse.py": false} {
		if got := snap.Same(filepath.Join(svc, name)); got != same {
			t.Errorf("Same(%s) = %v, want %v", name, got, same)
		}
	}
	if was := ch.Renamed[filepath.Join(svc, "new_name.py")]; was != filepath.Join(svc, "old_name.py") {
		t.Errorf("renames %v", ch.Renamed)
	}
	if _, err := repo.Resolve(ctx, "no-such"); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Resolve(no-such): %v", err)
	}
	if _, err := repo.Resolve(ctx, strings.Repeat("ab", 20)); err == nil {
		t.Error("a full hash of a missing commit resolved")
	}
}

// Tree names a directory's content at a commit: the same content is the
// same ID whatever the commit, other content another ID.
func TestTree(t *testing.T) {
	ctx := context.Background()
	top := t.TempDir()
	svc := filepath.Join(top, "svc")
	gittest.Run(t, top, "init", "-q")
	write(t, filepath.Join(svc, "a.py"), "x = 1\n")
	write(t, filepath.Join(top, "other.py"), "y = 1\n")
	gittest.Run(t, top, "add", "-A")
	gittest.Run(t, top, "commit", "-q", "-m", "one")
	write(t, filepath.Join(top, "other.py"), "y = 2\n")
	gittest.Run(t, top, "commit", "-q", "-am", "two: outside svc")
	write(t, filepath.Join(svc, "a.py"), "x = 2\n")
	gittest.Run(t, top, "commit", "-q", "-am", "three: inside svc")

	repo, err := Open(ctx, top)
	if err != nil {
		t.Fatal(err)
	}
	tree := func(rev, dir string) string {
		t.Helper()
		sha, err := repo.Resolve(ctx, rev)
		if err != nil {
			t.Fatal(err)
		}
		id, err := repo.Tree(ctx, sha, dir)
		if err != nil {
			t.Fatalf("%s %s: %v", rev, dir, err)
		}
		return id
	}
	if got, want := tree("HEAD", top), gittest.Run(t, top, "rev-parse", "HEAD^{tree}"); got != want {
		t.Errorf("root: %s, want %s", got, want)
	}
	if tree("HEAD~2", svc) != tree("HEAD~1", svc) {
		t.Error("svc's tree changed with a commit outside it")
	}
	if tree("HEAD~1", svc) == tree("HEAD", svc) || tree("HEAD~2", top) == tree("HEAD~1", top) {
		t.Error("a changed file left its directory's tree the same")
	}
	sha, _ := repo.Resolve(ctx, "HEAD")
	os.MkdirAll(filepath.Join(top, "new"), 0o755)
	if id, err := repo.Tree(ctx, sha, filepath.Join(top, "new")); err == nil {
		t.Errorf("a directory the commit lacks has tree %s", id)
	}
}
