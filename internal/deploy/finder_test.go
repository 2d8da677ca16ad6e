package deploy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The one finder's rules hold for both questions: a file over maxFile is
// as if absent, a Dockerfile or a .bash script is a deployment file for
// the platform's evidence as for the environment, and the repository walk
// leaves node_modules out.
func TestFinderRules(t *testing.T) {
	big := "env_variables:\n  ALLOWED_ORIGINS: x\n" + strings.Repeat("# padding\n", maxFile/10+1)
	bigManifest := clusterIP + strings.Repeat("# padding\n", maxFile/10+1)
	for _, c := range []struct {
		name  string
		files map[string]string
		env   string // EnvSetBy of svc for ALLOWED_ORIGINS
		auth  string // a part of PlatformAuth(svc), "" for none
	}{
		{"too large app.yaml", map[string]string{"svc/app.yaml": big}, "", ""},
		{"too large manifest", map[string]string{"k8s/svc.yaml": strings.ReplaceAll(bigManifest, "assistant", "svc")}, "", ""},
		{"bash script sets it", map[string]string{"svc/deploy.bash": "export ALLOWED_ORIGINS=https://a.example\n"}, "svc/deploy.bash", ""},
		{"Dockerfile deploys with --no-allow-unauthenticated", map[string]string{"svc/Dockerfile": "FROM google/cloud-sdk\nRUN gcloud run deploy svc --no-allow-unauthenticated\n"}, "", "svc/Dockerfile: deploys svc"},
		{"upper-case YAML", map[string]string{"svc/APP.YAML": "env_variables:\n  ALLOWED_ORIGINS: x\n", "k8s/SVC.YML": strings.ReplaceAll(clusterIP, "assistant", "svc")}, "svc/APP.YAML", "k8s/SVC.YML"},
		{"node_modules is not the deployment", map[string]string{"node_modules/pkg/svc.yaml": strings.ReplaceAll(clusterIP, "assistant", "svc")}, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := project(t, c.files)
			svc := filepath.Join(root, "svc")
			os.MkdirAll(svc, 0o755)
			s := New().Service(svc, root)
			if got := s.EnvSetBy("ALLOWED_ORIGINS"); got != c.env {
				t.Errorf("EnvSetBy = %q, want %q", got, c.env)
			}
			e := s.PlatformAuth()
			switch {
			case c.auth == "" && e != nil:
				t.Errorf("PlatformAuth = %+v, want none", e)
			case c.auth != "" && (e == nil || !strings.Contains(e.File+": "+e.What, c.auth)):
				t.Errorf("PlatformAuth = %+v, want %q", e, c.auth)
			}
		})
	}
}

// EnvKey changes when a file EnvSetBy reads for the directory is added,
// edited or removed — in the directory, above it, in a k8s directory
// beside it — and not for a sibling service's file or a file that is no
// deployment file. A Reader answers as it first read; a new one (the next
// run) sees the change.
func TestEnvKey(t *testing.T) {
	root := project(t, map[string]string{"svc/main.py": "", "other/main.py": ""})
	svc := filepath.Join(root, "svc")
	key := func() Key { return New().EnvKey(svc, root) }
	write := func(rel, s string) {
		t.Helper()
		p := filepath.Join(root, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	k := key()
	for _, step := range []struct {
		what    string
		do      func()
		changes bool
	}{
		{"a sibling's app.yaml", func() { write("other/app.yaml", "env_variables:\n  A: b\n") }, false},
		{"a README beside it", func() { write("svc/README.md", "ALLOWED_ORIGINS=x\n") }, false},
		{"app.yaml added", func() { write("svc/app.yaml", "runtime: python312\n") }, true},
		{"app.yaml edited", func() { write("svc/app.yaml", "runtime: python312\nenv_variables:\n  ALLOWED_ORIGINS: x\n") }, true},
		{"app.yaml removed", func() { os.Remove(filepath.Join(root, "svc/app.yaml")) }, true},
		{"Dockerfile above", func() { write("Dockerfile", "FROM python\n") }, true},
		{"k8s manifest beside", func() { write("svc/k8s/deployment.yaml", "kind: Deployment\n") }, true},
	} {
		r := New()
		before := r.EnvKey(svc, root)
		step.do()
		if again := r.EnvKey(svc, root); again != before {
			t.Errorf("%s: a Reader's key changed within its run", step.what)
		}
		now := key()
		if (now != k) != step.changes {
			t.Errorf("%s: key changed %v, want %v", step.what, now != k, step.changes)
		}
		k = now
	}
}
