package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// project writes files under a new project root (with a .git directory).
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for p, content := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const clusterIP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: assistant
spec:
  replicas: 1
---
apiVersion: v1
kind: Service
metadata:
  name: assistant
spec:
  type: ClusterIP
  ports:
  - name: http
    port: 80
`

func TestPlatformAuth(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		dir   string
		want  string // a part of File + What, "" for none
	}{
		{"clusterIP only", map[string]string{"k8s/assistant.yaml": clusterIP, "src/assistant/main.py": ""}, "src/assistant", "k8s/assistant.yaml: its Kubernetes Service assistant is ClusterIP"},
		{"clusterIP and an ingress to it", map[string]string{"k8s/assistant.yaml": clusterIP,
			"k8s/ingress.yaml":      "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n  - http:\n      paths:\n      - backend:\n          service:\n            name: assistant\n",
			"src/assistant/main.py": ""}, "src/assistant", ""},
		{"a load balancer of the same name", map[string]string{"k8s/assistant.yaml": strings.Replace(clusterIP, "ClusterIP", "LoadBalancer", 1), "src/assistant/main.py": ""}, "src/assistant", ""},
		{"an external service selecting it", map[string]string{"k8s/assistant.yaml": clusterIP + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-lb\nspec:\n  type: LoadBalancer\n  selector:\n    app: assistant\n", "src/assistant/main.py": ""}, "src/assistant", ""},
		{"an external service named for it", map[string]string{"k8s/assistant.yaml": clusterIP + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: assistant-external\nspec:\n  type: LoadBalancer\n", "src/assistant/main.py": ""}, "src/assistant", ""},
		{"another workload's service", map[string]string{"k8s/assistant.yaml": clusterIP, "src/frontend/main.py": ""}, "src/frontend", ""},
		{"no-allow-unauthenticated", map[string]string{"deploy.sh": "gcloud run deploy billing \\\n  --source . \\\n  --no-allow-unauthenticated\n", "billing/main.py": ""}, "billing", "deploy.sh: deploys billing to Cloud Run with --no-allow-unauthenticated"},
		{"allow-unauthenticated", map[string]string{"deploy.sh": "gcloud run deploy billing --source . --allow-unauthenticated\n", "billing/main.py": ""}, "billing", ""},
		{"cloudbuild args", map[string]string{"cloudbuild.yaml": "steps:\n- name: gcr.io/cloud-builders/gcloud\n  args: ['run', 'deploy', 'billing', '--image', 'x', '--no-allow-unauthenticated']\n", "billing/app/main.py": ""}, "billing/app", "cloudbuild.yaml"},
		{"terraform invoker", map[string]string{"infra/run.tf": "resource \"google_cloud_run_service\" \"runner\" {\n  name = \"runner\"\n}\n\nresource \"google_cloud_run_service_iam_member\" \"invoker\" {\n  service = google_cloud_run_service.runner.name\n  role    = \"roles/run.invoker\"\n  member  = \"serviceAccount:sched@p.iam.gserviceaccount.com\"\n}\n", "cmd/runner/main.go": ""}, "cmd/runner", "infra/run.tf: grants run.invoker on the Cloud Run service runner"},
		{"terraform allUsers", map[string]string{"infra/run.tf": "resource \"google_cloud_run_service\" \"runner\" {\n  name = \"runner\"\n}\n\nresource \"google_cloud_run_service_iam_member\" \"public\" {\n  service = google_cloud_run_service.runner.name\n  role    = \"roles/run.invoker\"\n  member  = \"allUsers\"\n}\n", "cmd/runner/main.go": ""}, "cmd/runner", ""},
		{"endpoints spec", map[string]string{"api/echo/openapi.yaml": "swagger: \"2.0\"\nhost: \"echo.endpoints.p.cloud.goog\"\nx-google-endpoints:\n- name: x\nsecurityDefinitions:\n  api_key:\n    type: apiKey\n", "api/echo/app.go": ""}, "api/echo", "openapi.yaml: a Cloud Endpoints gateway"},
		{"an OpenAPI spec that is no gateway's", map[string]string{"api/echo/openapi.yaml": "openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    bearer: {}\n", "api/echo/app.go": ""}, "api/echo", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := project(t, c.files)
			// A reader asked directly, and one whose Prefetch of the
			// repository's tree is under way (or done) when asked.
			prefetched := &Reader{}
			prefetched.Prefetch(Root(filepath.Join(root, c.dir)))
			for _, r := range []*Reader{{}, prefetched} {
				e := r.PlatformAuth(filepath.Join(root, c.dir))
				switch {
				case c.want == "" && e != nil:
					t.Errorf("got %+v, want none", e)
				case c.want != "" && (e == nil || !strings.Contains(e.File+": "+e.What, c.want)):
					t.Errorf("got %+v, want %q", e, c.want)
				}
			}
		})
	}
}

// Prefetch walks the repository while the file passes ask the same reader
// for their services' deployment files (EnvKey, EnvSetBy) and the project
// phase asks PlatformAuth: under the race detector, and with the answers a
// reader without Prefetch gives.
func TestPrefetchConcurrentUse(t *testing.T) {
	files := map[string]string{"deploy.sh": "gcloud run deploy billing --no-allow-unauthenticated\n", ".github/workflows/ci.yml": "on: push\n"}
	for i := range 40 {
		d := fmt.Sprintf("svc%d", i)
		files[d+"/main.py"] = ""
		files[d+"/Dockerfile"] = fmt.Sprintf("FROM python\nENV PORT=%d\n", 8000+i)
		files[d+"/k8s/svc.yaml"] = fmt.Sprintf("apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\nspec:\n  type: ClusterIP\n", d)
	}
	files["billing/main.py"] = ""
	root := project(t, files)
	want, got := &Reader{}, &Reader{}
	got.Prefetch(root)
	var wg sync.WaitGroup
	for i := range 40 {
		dir := filepath.Join(root, fmt.Sprintf("svc%d", i))
		wg.Go(func() {
			if a, b := got.EnvKey(dir, root), want.EnvKey(dir, root); a != b {
				t.Errorf("%s: EnvKey differs with Prefetch", dir)
			}
			if a, b := got.EnvSetBy(dir, root, "PORT"), want.EnvSetBy(dir, root, "PORT"); a != b {
				t.Errorf("%s: EnvSetBy %q with Prefetch, %q without", dir, a, b)
			}
			if a, b := got.PlatformAuth(dir), want.PlatformAuth(dir); fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s: PlatformAuth %+v with Prefetch, %+v without", dir, a, b)
			}
		})
	}
	wg.Wait()
	if e := got.PlatformAuth(filepath.Join(root, "billing")); e == nil || e.File != "deploy.sh" {
		t.Errorf("billing: %+v, want deploy.sh's --no-allow-unauthenticated", e)
	}
}

// The repository walk keeps only the files its tree uses: a lock file or a
// CI workflow it read is not held for the rest of the run (a Prefetch
// would hold them through every file pass). A file the reader had read
// before is taken as it was.
func TestTreeKeepsWhatItUses(t *testing.T) {
	root := project(t, map[string]string{
		".github/workflows/ci.yml": "on: push\n",
		"pnpm-lock.yaml":           "lockfileVersion: '9.0'\n",
		"deploy.sh":                "gcloud run deploy billing --no-allow-unauthenticated\n",
		"k8s/svc.yaml":             clusterIP,
		"infra/run.tf":             "resource \"google_cloud_run_service\" \"runner\" {}\n",
		"svc/Dockerfile":           "FROM python\nENV PORT=8080\n",
	})
	r := &Reader{}
	if got := r.EnvSetBy(filepath.Join(root, "svc"), root, "PORT"); got != "svc/Dockerfile" {
		t.Fatalf("EnvSetBy PORT = %q", got)
	}
	r.tree(root)
	var kept []string
	for p := range r.files {
		rel, _ := filepath.Rel(root, p)
		kept = append(kept, filepath.ToSlash(rel))
	}
	slices.Sort(kept)
	if want := []string{"deploy.sh", "infra/run.tf", "k8s/svc.yaml", "svc/Dockerfile"}; !slices.Equal(kept, want) {
		t.Errorf("the reader keeps %q, want %q", kept, want)
	}
}
