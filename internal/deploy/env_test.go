package deploy

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSetBy(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		dir   string
		want  string
	}{
		{"nothing", map[string]string{"svc/README.md": "ALLOWED_ORIGINS=x\n", "svc/main.py": "ALLOWED_ORIGINS = 1\n"}, "svc", ""},
		{"Dockerfile ENV", map[string]string{"svc/Dockerfile": "FROM python\nENV ALLOWED_ORIGINS https://a.example\n"}, "svc", "svc/Dockerfile"},
		{"Dockerfile ENV with =", map[string]string{"svc/Dockerfile": "FROM python\nENV PORT=8080 ALLOWED_ORIGINS=https://a.example\n"}, "svc", "svc/Dockerfile"},
		{"app.yaml env_variables", map[string]string{"svc/app.yaml": "runtime: python312\nenv_variables:\n  ALLOWED_ORIGINS: \"https://a.example\"\n"}, "svc", "svc/app.yaml"},
		{"kubernetes env list beside", map[string]string{"svc/k8s/deployment.yaml": "env:\n  - name: ALLOWED_ORIGINS\n    value: https://a.example\n"}, "svc", "svc/k8s/deployment.yaml"},
		{"deploy script above", map[string]string{"deploy.sh": "gcloud run deploy api --set-env-vars=PORT=1,ALLOWED_ORIGINS=https://a.example\n"}, "svc/app", "deploy.sh"},
		{".env.example", map[string]string{"svc/.env.example": "ALLOWED_ORIGINS=\n"}, "svc", "svc/.env.example"},
		{"only read, not set", map[string]string{"svc/Dockerfile": "RUN echo $ALLOWED_ORIGINS\n", "svc/cloudbuild.yaml": "args: ['${_ALLOWED_ORIGINS_X}']\n"}, "svc", ""},
		{"another name", map[string]string{"svc/app.yaml": "env_variables:\n  NOT_ALLOWED_ORIGINS: x\n  ALLOWED_ORIGINS_LIST: y\n"}, "svc", ""},
		{"a sibling service's", map[string]string{"other/app.yaml": "env_variables:\n  ALLOWED_ORIGINS: x\n"}, "svc", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			for p, s := range c.files {
				p = filepath.Join(root, p)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			dir := filepath.Join(root, c.dir)
			os.MkdirAll(dir, 0o755)
			if got := New().EnvSetBy(dir, root, "ALLOWED_ORIGINS"); got != c.want {
				t.Errorf("SetBy = %q, want %q", got, c.want)
			}
		})
	}
}

// Above the project's root is not the project's deployment.
func TestSetByStopsAtRoot(t *testing.T) {
	top := t.TempDir()
	os.WriteFile(filepath.Join(top, "app.yaml"), []byte("env_variables:\n  ALLOWED_ORIGINS: x\n"), 0o644)
	root := filepath.Join(top, "proj")
	os.MkdirAll(filepath.Join(root, "svc"), 0o755)
	if got := New().EnvSetBy(filepath.Join(root, "svc"), root, "ALLOWED_ORIGINS"); got != "" {
		t.Errorf("SetBy = %q, want none above the root", got)
	}
}
