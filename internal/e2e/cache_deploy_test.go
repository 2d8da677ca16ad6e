package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xynergy/xylint/internal/testutil/linediff"
)

// TestCacheSeesDeploymentFiles: results that depend on the service's
// deployment files — XY001's fix, given only when the deployment sets the
// origins' variable, and XY002's note when a ClusterIP-only Kubernetes
// Service deploys it — follow those files from a warm cache: after each
// edit of app.yaml, a Dockerfile or a manifest (the Python file unchanged,
// so found by its size and modification time), the warm run writes what a
// run without the cache writes, byte for byte, for check and fix --diff.
func TestCacheSeesDeploymentFiles(t *testing.T) {
	bin := xylintBinary(t)
	dir := t.TempDir()
	t.Setenv("XYLINT_CACHE_DIR", "")
	write := func(rel, content string) { t.Helper(); writeFile(t, dir, rel, content) }
	remove := func(rel string) {
		t.Helper()
		if err := os.Remove(filepath.Join(dir, rel)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("billing/main.py", `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])


@app.post("/charge")
def charge(amount: int):
    return {"charged": amount}
`)
	// same runs check and fix --diff with and without the cache and
	// wants equal output; it returns the check report.
	same := func(step string) string {
		t.Helper()
		var report string
		for _, args := range [][]string{{"check", "--format", "json", "--select", "XY001,XY002"},
			{"fix", "--diff", "--unsafe-fixes", "--select", "XY001,XY002"}} {
			cold, coldErr, coldCode := runXylint(t, bin, dir, append(append(args[:1:1], "--no-cache"), append(args[1:], ".")...)...)
			warm, warmErr, warmCode := runXylint(t, bin, dir, append(args, ".")...)
			if warm != cold || warmErr != coldErr || warmCode != coldCode {
				t.Errorf("%s, %s: warm run (exit %d, stderr %q) differs from a run without the cache (exit %d, stderr %q): %s",
					step, args[0], warmCode, warmErr, coldCode, coldErr, linediff.Text(warm, cold))
			}
			if args[0] == "check" {
				report = cold
			}
		}
		return report
	}
	fills := func() { runXylint(t, bin, dir, "check", "--select", "XY001,XY002", ".") }

	fills()
	none := same("no deployment")
	if !strings.Contains(none, "nothing in the service's deployment sets ALLOWED_ORIGINS") {
		t.Fatalf("no deployment: want XY001 without a fix: %s", none)
	}
	write("billing/app.yaml", "runtime: python312\nenv_variables:\n  ALLOWED_ORIGINS: \"https://shop.example\"\n")
	set := same("app.yaml sets ALLOWED_ORIGINS")
	if set == none || strings.Contains(set, "nothing in the service's deployment sets") {
		t.Errorf("app.yaml sets the variable: the report should change: %s", set)
	}
	write("billing/app.yaml", "runtime: python312\nenv_variables:\n  OTHER: \"x\"\n")
	if got := same("app.yaml stops setting it"); got != none {
		t.Errorf("app.yaml no longer sets it: want the first report: %s", linediff.Text(got, none))
	}
	remove("billing/app.yaml")
	write("Dockerfile", "FROM python:3.12-slim\nENV ALLOWED_ORIGINS=https://shop.example\n")
	if got := same("a Dockerfile above sets it"); got != set {
		t.Errorf("Dockerfile: want the report app.yaml gave: %s", linediff.Text(got, set))
	}
	remove("Dockerfile")
	if got := same("Dockerfile removed"); got != none {
		t.Errorf("Dockerfile removed: want the first report: %s", linediff.Text(got, none))
	}

	// XY002: a ClusterIP-only Service of billing makes the route a note.
	write("k8s/billing.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: billing\nspec:\n  type: ClusterIP\n")
	internal := same("ClusterIP Service")
	if !strings.Contains(internal, "is ClusterIP") {
		t.Errorf("ClusterIP Service: want XY002's deployment note: %s", internal)
	}
	write("k8s/billing.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: billing\nspec:\n  type: LoadBalancer\n")
	if got := same("LoadBalancer Service"); got != none {
		t.Errorf("LoadBalancer Service: want the first report: %s", linediff.Text(got, none))
	}

	// The repository walk's directory listings are kept in the cache for
	// directories last changed long enough ago: aged, a manifest added to
	// or removed from one is still seen (its directory's time changes).
	old := time.Now().Add(-time.Hour)
	age := func() {
		t.Helper()
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				err = os.Chtimes(p, old, old)
			}
			return err
		})
		old = old.Add(time.Minute)
	}
	remove("k8s/billing.yaml")
	write("deploy.sh", "echo building billing\n") // nothing the platform's walk uses: marked, not read again
	old = old.Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "deploy.sh"), old, old); err != nil {
		t.Fatal(err)
	}
	old = old.Add(time.Hour)
	age()
	fills()
	if got := same("listings kept, no manifest"); got != none {
		t.Errorf("no manifest: want the first report: %s", linediff.Text(got, none))
	}
	write("k8s/billing.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: billing\nspec:\n  type: ClusterIP\n")
	if got := same("ClusterIP Service added to a kept listing's directory"); got != internal {
		t.Errorf("ClusterIP Service added: want the note: %s", linediff.Text(got, internal))
	}
	age()
	fills()
	remove("k8s/billing.yaml")
	if got := same("ClusterIP Service removed from a kept listing's directory"); got != none {
		t.Errorf("ClusterIP Service removed: want the first report: %s", linediff.Text(got, none))
	}
	write("deploy.sh", "gcloud run deploy billing --source . --no-allow-unauthenticated\n")
	if got := same("deploy.sh now deploys billing without unauthenticated calls"); !strings.Contains(got, "no-allow-unauthenticated") {
		t.Errorf("deploy.sh deploys billing with --no-allow-unauthenticated: want XY002's deployment note: %s", got)
	}
}
