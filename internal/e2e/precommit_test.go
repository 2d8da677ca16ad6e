package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/gittest"
)

// xylint's pre-commit hooks as users run them: the real pre-commit (the
// Debian package CI installs) builds the hooks with `go install ./...` from
// a snapshot of this repository (its work tree, committed), and real `git
// commit`s in a copy of the sample platform run them.

var hookRepo struct {
	once           sync.Once
	base, dir, rev string
	home, err      string
}

// precommitSetup is a snapshot of the repository's work tree as a git
// repository pre-commit can clone, and a PRE_COMMIT_HOME that the tests
// share (the hooks' environment is built once).
func precommitSetup(t *testing.T) (repo, rev, home string) {
	t.Helper()
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Fatalf("pre-commit is needed (bash .ci/run installs Debian's): %v", err)
	}
	root := repoRoot(t)
	hookRepo.once.Do(func() {
		base, err := os.MkdirTemp("", "xylint-precommit-")
		if err != nil {
			hookRepo.err = err.Error()
			return
		}
		hookRepo.base = base
		hookRepo.dir, hookRepo.home = filepath.Join(base, "xylint"), filepath.Join(base, "home")
		out, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
		if err != nil {
			hookRepo.err = "git ls-files: " + err.Error()
			return
		}
		for _, p := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
			src := filepath.Join(root, p)
			fi, err := os.Lstat(src)
			if err != nil || !fi.Mode().IsRegular() {
				continue // deleted in the work tree, or a link
			}
			data, err := os.ReadFile(src)
			dst := filepath.Join(hookRepo.dir, p)
			if err == nil {
				err = os.MkdirAll(filepath.Dir(dst), 0o755)
			}
			if err == nil {
				err = os.WriteFile(dst, data, fi.Mode().Perm())
			}
			if err != nil {
				hookRepo.err = err.Error()
				return
			}
		}
		for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "-m", "snapshot"}} {
			if out, err := gitCmd(hookRepo.dir, args...).CombinedOutput(); err != nil {
				hookRepo.err = "git " + args[0] + ": " + err.Error() + "\n" + string(out)
				return
			}
		}
		rev, err := gitCmd(hookRepo.dir, "rev-parse", "HEAD").Output()
		if err != nil {
			hookRepo.err = err.Error()
			return
		}
		hookRepo.rev = strings.TrimSpace(string(rev))
	})
	if hookRepo.err != "" {
		t.Fatal(hookRepo.err)
	}
	return hookRepo.dir, hookRepo.rev, hookRepo.home
}

func gitCmd(dir string, args ...string) *exec.Cmd { return gittest.Cmd(dir, args...) }

// platformRepo is a git repository holding the sample platform (committed
// without hooks) whose .pre-commit-config.yaml uses hooks of this
// repository, installed as the git pre-commit hook.
type platformRepo struct {
	t        *testing.T
	dir      string
	env      []string
	lastHead string
}

func newPlatformRepo(t *testing.T, hooks ...string) *platformRepo {
	t.Helper()
	repo, rev, home := precommitSetup(t)
	dir := platformCopy(t)
	var cfg strings.Builder
	cfg.WriteString("repos:\n  - repo: " + repo + "\n    rev: " + rev + "\n    hooks:\n")
	for _, h := range hooks {
		cfg.WriteString("      - id: " + h + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, ".pre-commit-config.yaml"), []byte(cfg.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	p := &platformRepo{t: t, dir: dir, env: []string{"PRE_COMMIT_HOME=" + home, "GOMODCACHE=" + strings.TrimSpace(string(modcache)),
		"GOTOOLCHAIN=local", "NO_COLOR=1", "PRE_COMMIT_COLOR=never"}}
	p.git("init", "-q", "-b", "main")
	p.git("add", "-A")
	p.git("commit", "-q", "--no-verify", "-m", "platform")
	p.run("pre-commit", "install")
	p.lastHead = p.git("rev-parse", "HEAD")
	return p
}

func (p *platformRepo) git(args ...string) string {
	p.t.Helper()
	cmd := gitCmd(p.dir, args...)
	cmd.Env = append(cmd.Env, p.env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		p.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (p *platformRepo) run(name string, args ...string) string {
	p.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = p.dir
	cmd.Env = append(os.Environ(), p.env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		p.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (p *platformRepo) write(path, content string) {
	p.t.Helper()
	full := filepath.Join(p.dir, filepath.FromSlash(path))
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.git("add", path)
}

func (p *platformRepo) read(path string) string {
	p.t.Helper()
	b, err := os.ReadFile(filepath.Join(p.dir, filepath.FromSlash(path)))
	if err != nil {
		p.t.Fatal(err)
	}
	return string(b)
}

// commit runs `git commit` with the hooks and reports whether it made a
// commit, with what the hooks printed.
func (p *platformRepo) commit(msg string) (bool, string) {
	p.t.Helper()
	cmd := gitCmd(p.dir, "commit", "-m", msg)
	cmd.Env = append(cmd.Env, p.env...)
	out, err := cmd.CombinedOutput()
	head := p.git("rev-parse", "HEAD")
	made := head != p.lastHead
	p.lastHead = head
	if made != (err == nil) {
		p.t.Fatalf("git commit: exit %v but HEAD moved: %v\n%s", err, made, out)
	}
	return made, string(out)
}

func TestPreCommitHooksManifestIsValid(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Fatalf("pre-commit is needed (bash .ci/run installs Debian's): %v", err)
	}
	cmd := exec.Command("pre-commit", "validate-manifest", ".pre-commit-hooks.yaml")
	cmd.Dir = repoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pre-commit validate-manifest: %v\n%s", err, out)
	}
}

func TestPreCommitFilesHook(t *testing.T) {
	p := newPlatformRepo(t, "xylint-files")
	// A change to a file without findings: the commit is made.
	cfg := p.read("shared/config.py")
	p.write("shared/config.py", cfg+"\nREQUEST_TIMEOUT = 10\n")
	if ok, out := p.commit("timeout"); !ok {
		t.Fatalf("a clean commit was stopped:\n%s", out)
	}
	// A print: stopped, with the finding.
	p.write("content-hub/report.py", "def report(n):\n    print(\"report\", n)\n    return n\n")
	ok, out := p.commit("report")
	if ok || !strings.Contains(out, "content-hub/report.py:2:5: warning: XY005 [print-call]") {
		t.Fatalf("a commit adding a print: made %v\n%s", ok, out)
	}
}

func TestPreCommitFixHook(t *testing.T) {
	p := newPlatformRepo(t, "xylint-fix")
	// The service sets its logging up so that INFO records show: without
	// it the print's fix to logger.info is withheld (XY005's Fix safety).
	p.write("content-hub/logconf.py", "import logging\n\nlogging.basicConfig(level=logging.INFO)\n")
	if ok, out := p.commit("logging"); !ok {
		t.Fatalf("a clean commit was stopped:\n%s", out)
	}
	main := p.read("content-hub/main.py")
	withPrint := strings.Replace(main, "    blob = get_bucket()", "    print(\"uploading\", file.filename)\n    blob = get_bucket()", 1)
	p.write("content-hub/main.py", withPrint)
	// The hook rewrites the file: the commit fails once, as pre-commit
	// makes every hook that changes files fail...
	ok, out := p.commit("upload log")
	if ok || !strings.Contains(out, "files were modified by this hook") {
		t.Fatalf("first commit: made %v\n%s", ok, out)
	}
	if got := p.read("content-hub/main.py"); !strings.Contains(got, "    logger.info(\"uploading %s\", file.filename)\n") {
		t.Fatalf("the hook did not fix the print:\n%s", got)
	}
	// ...and once the fix is staged, the commit is made (the findings it
	// cannot fix, XY002 in this file, are the check hooks' to report).
	p.git("add", "content-hub/main.py")
	if ok, out := p.commit("upload log"); !ok {
		t.Fatalf("second commit was stopped:\n%s", out)
	}
}

// TestPreCommitNewFindingsHook: the `xylint` hook checks the project as it
// will be committed against HEAD. Touching a file full of old findings is
// fine; removing the auth of an include_router in main.py is stopped for
// the routes it opens in the routers' files, which the commit does not
// touch.
func TestPreCommitNewFindingsHook(t *testing.T) {
	p := newPlatformRepo(t, "xylint")
	dash := p.read("executive-dashboard/main.py")
	p.write("executive-dashboard/main.py", "# KPI dashboard.\n"+dash)
	if ok, out := p.commit("comment"); !ok {
		t.Fatalf("a commit touching a file with old findings was stopped:\n%s", out)
	}
	main := p.read("marketing-engine/main.py")
	open := strings.Replace(main, `, dependencies=[Depends(verify_api_key)])`, `)`, 1)
	if open == main {
		t.Fatal("marketing-engine/main.py has no include_router with the auth dependency")
	}
	p.write("marketing-engine/main.py", open)
	ok, out := p.commit("drop auth")
	if ok || !strings.Contains(out, "marketing-engine/routers/campaigns.py:") || !strings.Contains(out, "XY002 [unauthenticated-route]") {
		t.Fatalf("a commit removing auth from include_router: made %v\n%s", ok, out)
	}
	if strings.Contains(out, "executive-dashboard/main.py") {
		t.Errorf("old findings were reported:\n%s", out)
	}
	// Unstaged work is not what is committed: pre-commit stashes it. With
	// the auth restored in the index and the removal left unstaged, the
	// commit is made.
	p.write("marketing-engine/main.py", main)
	os.WriteFile(filepath.Join(p.dir, "marketing-engine", "main.py"), []byte(open), 0o644)
	p.write("shared/config.py", p.read("shared/config.py")+"\nREQUEST_TIMEOUT = 10\n")
	if ok, out := p.commit("timeout"); !ok {
		t.Fatalf("unstaged changes stopped a clean commit:\n%s", out)
	}
}
