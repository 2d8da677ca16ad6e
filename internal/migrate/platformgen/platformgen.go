// Package platformgen writes a synthetic platform for xylint migrate's
// benchmarks: N services in the shapes the real platform has (FastAPI and
// Flask services, a few Go services) with direct client constructions
// (XY003) in each form the seed platform (testdata/platform) shows: at
// module level, per request, in `async with`, in the __init__ of a class
// built per request through Depends, hand-made singletons, wrapper
// functions in the same module and in another one a view calls, and in Go
// an http.Client literal and http.Get per request — 233 sites for 35
// services — next to the shared/ package from testdata/platform.
package platformgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

var names = []string{"marketing-engine", "analytics-data-layer", "content-hub", "internal-ai-service", "system-runtime",
	"ai-routing-engine", "executive-dashboard", "qa-engine", "security-governance", "project-management",
	"ai-workflow-engine", "attribution-engine", "trending-engine", "keyword-engine", "seo-engine",
	"research-engine", "scheduler", "compliance", "media-processing", "campaign-engine",
	"customer-journeys", "validation-engine", "performance-metrics", "notification-hub", "billing",
	"identity", "search", "recommendations", "reporting", "ingest",
	"export", "audit", "feature-flags", "webhooks", "content-validation"}

// Files returns the platform: services services (the last goEvery-th of
// them in Go), shared/ read from sharedDir, and a pyproject.toml.
func Files(services int, sharedDir string) (map[string]string, error) {
	files := map[string]string{}
	entries, err := os.ReadDir(sharedDir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			b, err := os.ReadFile(filepath.Join(sharedDir, e.Name()))
			if err != nil {
				return nil, err
			}
			files["shared/"+e.Name()] = string(b)
		}
	}
	files["pyproject.toml"] = "[project]\nname = \"platform\"\n\n[tool.xylint]\nselect = [\"ALL\"]\n"
	for i := 0; i < services; i++ {
		name := names[i%len(names)]
		if i >= len(names) {
			name += fmt.Sprint(i / len(names))
		}
		switch {
		case i%9 == 8:
			goService(files, name)
		case i%4 == 3:
			flaskService(files, name, i)
		default:
			fastAPIService(files, name, i, i%12 == 0)
		}
	}
	return files, nil
}

// Write writes Files to dir.
func Write(dir string, files map[string]string) error {
	for p, c := range files {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, []byte(c), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// fastAPIService has eight sites: three at module level, a per-request
// client, one in `async with` and another per request, and in storage.py a
// hand-made singleton and a wrapper function. withDepends adds a class
// built per request through Depends that makes a client in __init__.
func fastAPIService(files map[string]string, name string, i int, withDepends bool) {
	var b strings.Builder
	fmt.Fprintf(&b, `import logging

import httpx
import requests
from fastapi import Depends, FastAPI
from google.cloud import bigquery, firestore, pubsub_v1, storage

from shared.auth import verify_api_key

logger = logging.getLogger(%q)

app = FastAPI(dependencies=[Depends(verify_api_key)])

bq = bigquery.Client()
publisher = pubsub_v1.PublisherClient()
session = requests.Session()


@app.on_event("shutdown")
async def shutdown() -> None:
    logger.info("bye")
`, name)
	for r := 0; r < 1; r++ {
		fmt.Fprintf(&b, `

@app.get("/reports/%d")
async def report_%d(day: str):
    client = bigquery.Client()
    rows = client.query(f"SELECT * FROM t%d WHERE day = '{day}'").result()
    return [dict(row) for row in rows]


@app.post("/events/%d")
async def event_%d(payload: dict):
    async with httpx.AsyncClient() as http:
        resp = await http.post("https://hooks.internal/%d", json=payload)
    db = firestore.Client()
    db.collection("events").add(payload)
    return {"status": resp.status_code}
`, r, r, i, r, r, r)
	}
	if withDepends {
		b.WriteString(`

class EventSink:
    def __init__(self) -> None:
        self.publisher = pubsub_v1.PublisherClient()

    def send(self, payload: dict) -> None:
        self.publisher.publish("projects/p/topics/events", data=str(payload).encode())


@app.post("/sink")
async def sink(payload: dict, events: EventSink = Depends(EventSink)):
    events.send(payload)
    return {"ok": True}
`)
	}
	files[name+"/main.py"] = b.String()
	files[name+"/storage.py"] = `from google.cloud import storage

_client = None


def get_bucket(name: str):
    global _client
    if _client is None:
        _client = storage.Client()
    return _client.bucket(name)


def make_client():
    return storage.Client()
`
}

// flaskService has four sites: three per request in views, and one in a
// helper of another module that a view calls.
func flaskService(files map[string]string, name string, i int) {
	files[name+"/validators.py"] = `import httpx

LINK_CHECKER = "https://link-checker.internal/check"


def check_links(text: str) -> list[str]:
    with httpx.Client(timeout=5) as client:
        response = client.post(LINK_CHECKER, json={"text": text})
    return response.json().get("broken", [])


def validate_content(content: dict) -> dict:
    return {"id": content.get("id"), "broken_links": check_links(content.get("body", ""))}
`
	files[name+"/main.py"] = fmt.Sprintf(`import logging

from flask import Flask, jsonify, request
from google.cloud import firestore, secretmanager

from shared.auth import require_api_key
from validators import validate_content

logger = logging.getLogger(%q)
app = Flask(__name__)


@app.route("/notes", methods=["POST"])
@require_api_key
def add_note():
    db = firestore.Client()
    db.collection("notes").add(request.get_json(force=True))
    return jsonify(ok=True)


@app.route("/secret/<name>")
@require_api_key
def secret(name):
    client = secretmanager.SecretManagerServiceClient()
    value = client.access_secret_version(name=f"projects/p/secrets/{name}/versions/latest")
    return jsonify(size=len(value.payload.data))


@app.route("/audit", methods=["POST"])
@require_api_key
def audit():
    db = firestore.Client()
    db.collection("audit").add({"n": %d})
    return jsonify(ok=True)


@app.route("/validate", methods=["POST"])
@require_api_key
def validate():
    return jsonify(validate_content(request.get_json(force=True)))
`, name, i)
}

// goService has two sites, both per request: an http.Client literal and
// http.Get (no timeout).
func goService(files map[string]string, name string) {
	dir := "go-services/" + name
	files[dir+"/go.mod"] = "module example.com/platform/" + name + "\n\ngo 1.24\n"
	files[dir+"/main.go"] = `package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/sync", sync)
	mux.HandleFunc("/ping", ping)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go srv.ListenAndServe()
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(shutdown)
}

func sync(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{}
	resp, err := client.Get("https://partners.internal/sync")
	if err != nil {
		http.Error(w, "sync failed", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}

func ping(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("https://partners.internal/ping")
	if err != nil {
		http.Error(w, "ping failed", http.StatusBadGateway)
		return
	}
	resp.Body.Close()
	w.WriteHeader(http.StatusNoContent)
}
`
}
