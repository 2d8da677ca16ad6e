package deploy

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// tree is the deployment files under a repository root that say how the
// platform exposes a service.
type tree struct {
	k8s []manifest // Kubernetes documents
	// deploys are shell, Cloud Build and other text files that say
	// --no-allow-unauthenticated: their text.
	deploys []*file
	tf      []*file // Terraform files
}

// manifest is one Kubernetes document: its kind, name, Service type and
// the services an Ingress routes to.
type manifest struct {
	path, kind, name, svcType string
	// app is a Service's selector's app (or app.kubernetes.io/name): the
	// workload it exposes, whatever the Service is called
	// (frontend-external selects app: frontend).
	app      string
	backends []string
}

// rootTree is a repository root's tree, read once (by the first caller of
// Reader.tree or by Prefetch) while any other caller waits for it.
type rootTree struct {
	once sync.Once
	t    *tree
}

// tree returns the deployment tree of the repository root, reading it the
// first time. The walk does not hold r.mu (only each file's read does), so
// that the file passes' EnvSetBy and EnvKey, which take it, are not held up
// by a Prefetch that is still walking.
func (r *Reader) tree(root string) *tree {
	r.mu.Lock()
	if r.roots == nil {
		r.roots = map[string]*rootTree{}
	}
	rt := r.roots[root]
	if rt == nil {
		rt = &rootTree{}
		r.roots[root] = rt
	}
	r.mu.Unlock()
	rt.once.Do(func() { rt.t = r.readTree(root) })
	return rt.t
}

// Prefetch reads the deployment tree of the repository root on another
// goroutine: what PlatformAuth reads for every directory under root, read
// ahead (while the driver walks the project on one core). A later
// PlatformAuth under root waits for it instead of reading it again.
func (r *Reader) Prefetch(root string) {
	go r.tree(root)
}

func (r *Reader) readTree(root string) *tree {
	t := &tree{}
	r.walkTree(root, func(p string) {
		var fi fs.FileInfo
		if r.Listings != nil {
			if st, err := os.Stat(p); err == nil {
				if r.Listings.NoPlatform(p, st) {
					return
				}
				fi = st
			}
		}
		// A file the reader has read is taken as it was read; another is
		// kept only when the tree uses it (most are not: lock files, CI
		// workflows — polar's lock files are 1.8 of the 2.6 MB the walk
		// reads — and a Prefetch would hold them through the file passes).
		r.mu.Lock()
		f, kept := r.files[p]
		r.mu.Unlock()
		if !kept {
			f = readFile(p)
		}
		if f == nil {
			return
		}
		used := false
		ext := strings.ToLower(filepath.Ext(f.path))
		switch {
		case ext == ".tf":
			t.tf = append(t.tf, f)
			used = true
		case (ext == ".yaml" || ext == ".yml") && bytes.Contains(f.text, []byte("apiVersion:")) && bytes.Contains(f.text, []byte("kind:")):
			t.k8s = append(t.k8s, manifests(f.path, f.text)...)
			used = true
		}
		if bytes.Contains(f.text, []byte("--no-allow-unauthenticated")) {
			t.deploys = append(t.deploys, f)
			used = true
		}
		if !used && fi != nil {
			r.Listings.SetNoPlatform(p, fi)
		}
		if used && !kept {
			r.mu.Lock()
			if r.files == nil {
				r.files = map[string]*file{}
			}
			if _, ok := r.files[p]; !ok {
				r.files[p] = f
			}
			r.mu.Unlock()
		}
	})
	return t
}

// manifests splits a YAML file into its Kubernetes documents and reads
// each one's kind, metadata name, Service type and Ingress backends.
func manifests(path string, b []byte) []manifest {
	var out []manifest
	cur := manifest{path: path}
	section := ""
	flush := func() {
		if cur.kind != "" {
			out = append(out, cur)
		}
		cur, section = manifest{path: path}, ""
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), maxFile)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "---") {
			flush()
			continue
		}
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		key, val, _ := strings.Cut(trim, ":")
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		switch {
		case indent == 0:
			section = key
			if key == "kind" {
				cur.kind = val
			}
		case section == "metadata" && indent == 2 && key == "name":
			cur.name = val
		case section == "spec" && indent == 2 && key == "type":
			cur.svcType = val
		case section == "spec" && indent == 4 && cur.kind == "Service" && (key == "app" || key == "app.kubernetes.io/name"):
			cur.app = val
		case cur.kind == "Ingress" && key == "name" && section == "spec":
			cur.backends = append(cur.backends, val) // service: {name: x}
		case cur.kind == "Ingress" && key == "serviceName":
			cur.backends = append(cur.backends, val)
		}
	}
	flush()
	return out
}

// sameName: a manifest's name names the service (shoppingassistantservice,
// or shopping-assistant-service for a directory shopping_assistant_service).
func sameName(a, b string) bool {
	return a != "" && norm(a) == norm(b)
}

func norm(s string) string {
	return nameSeparators.Replace(strings.ToLower(s))
}

// nameSeparators are dropped when names are compared (built once: a
// Replacer builds its lookup table on first use, and norm runs for every
// manifest of the repository each time a service's auth is looked up).
var nameSeparators = strings.NewReplacer("-", "", "_", "", ".", "")

// PlatformAuth says what in the deployment files shows that the platform
// authenticates the requests of, or does not expose, the service whose
// code is in the directory dir (its name is the directory's, or the
// parent's for a cmd/<name> or src/ layout), or nil:
//
//   - a Cloud Endpoints (ESP) OpenAPI spec in dir with securityDefinitions
//     (or securitySchemes) and an x-google- extension: the gateway checks
//     the credential before the handler runs;
//   - a `gcloud run deploy <name> ... --no-allow-unauthenticated` in a
//     script or Cloud Build file of the project: Cloud Run IAM;
//   - Terraform that grants run.invoker on a Cloud Run service of that name
//     to members none of which is allUsers or allAuthenticatedUsers;
//   - a Kubernetes Service of that name of type ClusterIP (the default),
//     no LoadBalancer or NodePort Service of it and no Ingress routing to
//     it in the project's manifests: reachable only inside the cluster.
func (r *Reader) PlatformAuth(dir string) *Evidence {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	// XY002 asks once per open route: the answer is the directory's.
	r.mu.Lock()
	e, ok := r.auth[abs]
	r.mu.Unlock()
	if ok {
		return e
	}
	e = r.platformAuth(abs)
	r.mu.Lock()
	if r.auth == nil {
		r.auth = map[string]*Evidence{}
	}
	r.auth[abs] = e
	r.mu.Unlock()
	return e
}

func (r *Reader) platformAuth(abs string) *Evidence {
	if e := r.endpointsSpec(abs); e != nil {
		return e
	}
	root := Root(abs)
	t := r.tree(root)
	names := serviceNames(abs)
	rel := func(p string) string {
		if q, err := filepath.Rel(root, p); err == nil {
			return filepath.ToSlash(q)
		}
		return p
	}
	for _, name := range names {
		for _, f := range t.deploys {
			if m := noUnauthDeploy(f.text, name); m {
				return &Evidence{File: rel(f.path), What: "deploys " + name + " to Cloud Run with --no-allow-unauthenticated"}
			}
		}
		if e := terraformInvokers(t.tf, name, rel); e != nil {
			return e
		}
		if e := clusterOnly(t.k8s, name, rel); e != nil {
			return e
		}
	}
	return nil
}

// serviceNames are the names the service in dir may be deployed under:
// the directory's name, and its parent's when the directory is a
// conventional sub-directory (cmd/<name> is its own name; src, app, api,
// server, backend name their parent).
func serviceNames(dir string) []string {
	base := filepath.Base(dir)
	switch base {
	case "src", "app", "api", "server", "backend", "service":
		return []string{filepath.Base(filepath.Dir(dir)), base}
	}
	return []string{base}
}

var googleExt = []byte("x-google-")

// endpointsSpec finds a Cloud Endpoints OpenAPI spec beside the code.
func (r *Reader) endpointsSpec(dir string) *Evidence {
	r.mu.Lock()
	if r.specs == nil {
		r.specs = map[string]string{}
	}
	found, ok := r.specs[dir]
	if !ok {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !strings.HasPrefix(strings.ToLower(n), "openapi") && !strings.HasPrefix(strings.ToLower(n), "swagger") {
				continue
			}
			f := r.read(filepath.Join(dir, n))
			if f == nil {
				continue
			}
			if (bytes.Contains(f.text, []byte("securityDefinitions:")) || bytes.Contains(f.text, []byte("securitySchemes:"))) && bytes.Contains(f.text, googleExt) {
				found = n
				break
			}
		}
		r.specs[dir] = found
	}
	r.mu.Unlock()
	if found == "" {
		return nil
	}
	return &Evidence{File: found, What: "a Cloud Endpoints gateway checks the credentials its securityDefinitions name"}
}

// noUnauthDeploy: the text runs `gcloud run deploy name` with
// --no-allow-unauthenticated in the same command (continued lines
// joined).
func noUnauthDeploy(text []byte, name string) bool {
	joined := strings.ReplaceAll(string(text), "\\\n", " ")
	for _, line := range strings.Split(joined, "\n") {
		i := strings.Index(line, "run deploy")
		if i < 0 {
			continue
		}
		fields := strings.Fields(line[i+len("run deploy"):])
		if len(fields) == 0 || !sameName(strings.Trim(fields[0], `"'`), name) {
			continue
		}
		if strings.Contains(line, "--no-allow-unauthenticated") {
			return true
		}
	}
	// Cloud Build's args list: ['run', 'deploy', 'name', ..., '--no-allow-unauthenticated']
	if bytes.Contains(text, []byte("--no-allow-unauthenticated")) && regexp.MustCompile(`(?s)['"]deploy['"]\s*,\s*['"]`+regexp.QuoteMeta(name)+`['"]`).Match(text) {
		return true
	}
	return false
}

var (
	tfRunService = regexp.MustCompile(`resource\s+"google_cloud_run(_v2)?_service"\s+"(\w+)"\s*\{`)
	tfInvoker    = regexp.MustCompile(`(?s)resource\s+"google_cloud_run(_v2)?_service_iam_(member|binding|policy)"\s+"\w+"\s*\{(.*?)\n\}`)
)

// terraformInvokers: a Terraform google_cloud_run_service named for the
// service whose IAM grants (member, binding) name it and none of which is
// allUsers or allAuthenticatedUsers.
func terraformInvokers(files []*file, name string, rel func(string) string) *Evidence {
	var resource, file string
	for _, f := range files {
		for _, m := range tfRunService.FindAllSubmatchIndex(f.text, -1) {
			label := string(f.text[m[4]:m[5]])
			body := f.text[m[1]:min(len(f.text), m[1]+400)]
			if sameName(label, name) || bytes.Contains(body, []byte(`"`+name+`"`)) {
				resource, file = label, f.path
			}
		}
	}
	if resource == "" {
		return nil
	}
	grants := 0
	for _, f := range files {
		for _, m := range tfInvoker.FindAllSubmatch(f.text, -1) {
			body := m[3]
			if !bytes.Contains(body, []byte("."+resource+".")) {
				continue
			}
			if bytes.Contains(body, []byte("allUsers")) || bytes.Contains(body, []byte("allAuthenticatedUsers")) {
				return nil
			}
			grants++
		}
	}
	if grants == 0 {
		return nil
	}
	return &Evidence{File: rel(file), What: "grants run.invoker on the Cloud Run service " + resource + " to named members only (no allUsers)"}
}

// clusterOnly: a Kubernetes Service named for the service, of type
// ClusterIP (or none), with no LoadBalancer or NodePort Service of the
// same name and no Ingress routing to it.
func clusterOnly(ms []manifest, name string, rel func(string) string) *Evidence {
	var cluster *manifest
	for i, m := range ms {
		switch {
		case m.kind == "Service" && (m.svcType == "LoadBalancer" || m.svcType == "NodePort") &&
			(sameName(m.name, name) || sameName(m.app, name) || strings.HasPrefix(norm(m.name), norm(name))):
			return nil // exposed outside the cluster (frontend-external selects app: frontend)
		case m.kind == "Service" && sameName(m.name, name):
			if cluster == nil {
				cluster = &ms[i]
			}
		case m.kind == "Ingress":
			for _, b := range m.backends {
				if sameName(b, name) {
					return nil
				}
			}
		}
	}
	if cluster == nil {
		return nil
	}
	return &Evidence{File: rel(cluster.path), What: "its Kubernetes Service " + cluster.name + " is ClusterIP, reachable only inside the cluster (no LoadBalancer, NodePort or Ingress for it)"}
}
