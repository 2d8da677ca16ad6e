// Handlers that check a credential the request carries in their own body,
// or through a helper, before doing anything: authenticated, whatever
// status they answer. Checks that are not auth leave the route reported.
package main

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"os"
	"strings"

	"google.golang.org/api/idtoken"
)

type app struct {
	verificationToken string
	apiKey            string
	defaultRegion     string
}

var webhookSecret = os.Getenv("WEBHOOK_SECRET")

// A push endpoint: the query's token against the configured one (400),
// then the JWT of the Authorization header verified.
func (a *app) receive(w http.ResponseWriter, r *http.Request) {
	if r.Method != "POST" {
		http.Error(w, "method", http.StatusMethodNotAllowed)
		return
	}
	if token, ok := r.URL.Query()["token"]; !ok || len(token) != 1 || token[0] != a.verificationToken {
		http.Error(w, "Bad token", http.StatusBadRequest)
		return
	}
	var v map[string]string
	_ = json.NewDecoder(r.Body).Decode(&v)
}

// Only the ID token verified.
func pushJWT(w http.ResponseWriter, r *http.Request) {
	authHeader := r.Header.Get("Authorization")
	token := strings.TrimPrefix(authHeader, "Bearer ")
	if _, err := idtoken.Validate(r.Context(), token, "https://example.com"); err != nil {
		http.Error(w, "invalid token", http.StatusBadRequest)
		return
	}
}

// The validator's method, its error tested after the call.
func pushValidator(w http.ResponseWriter, r *http.Request) {
	v, err := idtoken.NewValidator(r.Context())
	if err != nil {
		return
	}
	_, err = v.Validate(r.Context(), strings.Split(r.Header.Get("Authorization"), " ")[1], "aud")
	if err != nil {
		w.WriteHeader(http.StatusForbidden)
		return
	}
}

// A constant-time comparison with a package-level secret.
func webhook(w http.ResponseWriter, r *http.Request) {
	sig := r.Header.Get("X-Signature")
	if subtle.ConstantTimeCompare([]byte(sig), []byte(webhookSecret)) != 1 {
		http.Error(w, "no", http.StatusTeapot)
		return
	}
}

// A helper of the package, given the request.
func (a *app) authorized(r *http.Request) bool {
	key := r.Header.Get("X-API-Key")
	if key != a.apiKey {
		return false
	}
	return true
}

func (a *app) admin(w http.ResponseWriter, r *http.Request) {
	if !a.authorized(r) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

// Not auth: a presence check against a constant, a comparison of what is
// no credential, a form's validation, a check nested under another
// condition, a check that does not end the request.
func presence(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "missing", http.StatusUnauthorized)
		return
	}
}

func (a *app) region(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("region") != a.defaultRegion {
		http.Error(w, "wrong region", http.StatusBadRequest)
		return
	}
}

func validateForm(form string) error { return nil }

func form(w http.ResponseWriter, r *http.Request) {
	if err := validateForm(r.FormValue("name")); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
}

func (a *app) nested(w http.ResponseWriter, r *http.Request) {
	if r.Method == "DELETE" {
		if r.Header.Get("X-Token") != a.apiKey {
			http.Error(w, "no", http.StatusForbidden)
			return
		}
	}
}

func (a *app) csrf(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("csrf_token") != a.apiKey {
		http.Error(w, "bad csrf", http.StatusForbidden)
		return
	}
	tok := r.Header.Get("X-CSRF-Token")
	if tok != a.apiKey {
		http.Error(w, "bad csrf", http.StatusForbidden)
		return
	}
}

func (a *app) logs(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Token") != a.apiKey {
		println("token mismatch")
	}
}

func main() {
	a := &app{verificationToken: os.Getenv("TOKEN"), apiKey: os.Getenv("API_KEY")}
	http.HandleFunc("/push", a.receive)
	http.HandleFunc("/push-jwt", pushJWT)
	http.HandleFunc("/push-validator", http.HandlerFunc(pushValidator))
	http.HandleFunc("/webhook", webhook)
	http.HandleFunc("/admin", a.admin)
	http.HandleFunc("/presence", presence) // want `ANY /presence is reachable without authentication`
	http.HandleFunc("/region", a.region)   // want `ANY /region is reachable without authentication`
	http.HandleFunc("/form", form)         // want `ANY /form is reachable without authentication`
	http.HandleFunc("/nested", a.nested)   // want `ANY /nested is reachable without authentication`
	http.HandleFunc("/logs", a.logs)       // want `ANY /logs is reachable without authentication`
	http.HandleFunc("/csrf", a.csrf)       // want `ANY /csrf is reachable without authentication`
	_ = http.ListenAndServe(":8080", nil)
}
