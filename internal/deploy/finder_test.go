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

// One Reader answers PlatformAuth for many services of a repository (XY002
// asks once per open route): each directory keeps its own answer, asked in
// any order and again, and a relative path is the same directory as its
// absolute one.
func TestPlatformAuthPerDirectory(t *testing.T) {
	root := project(t, map[string]string{
		"k8s/assistant.yaml": clusterIP,
		"assistant/main.py":  "",
		"frontend/main.py":   "",
		"deploy.sh":          "gcloud run deploy frontend --no-allow-unauthenticated\n",
		"public/main.py":     "",
	})
	r := New()
	want := map[string]string{"assistant": "k8s/assistant.yaml", "frontend": "deploy.sh", "public": ""}
	for round := 0; round < 2; round++ {
		for _, svc := range []string{"public", "assistant", "frontend", "assistant", "public"} {
			e := r.PlatformAuth(filepath.Join(root, svc))
			got := ""
			if e != nil {
				got = e.File
			}
			if got != want[svc] {
				t.Errorf("round %d: PlatformAuth(%s) = %q, want %q", round, svc, got, want[svc])
			}
		}
	}
	t.Chdir(root)
	if e := r.PlatformAuth("frontend"); e == nil || e.File != "deploy.sh" {
		t.Errorf("PlatformAuth(relative frontend) = %+v, want deploy.sh", e)
	}
}
