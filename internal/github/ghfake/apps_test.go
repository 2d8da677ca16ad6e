package ghfake_test

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v4"

	"github.com/xynergy/xylint/internal/github/ghfake"
)

func rsaKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// The token endpoint accepts only what GitHub accepts: an RS256 JWT signed
// by the App's key, issued for its id, at most ten minutes long, for one of
// its installations; the installation token then opens the API until it
// expires.
func TestAppInstallationTokens(t *testing.T) {
	key, other := rsaKey(t), rsaKey(t)
	fake := ghfake.New(ghfake.Options{Tokens: map[string]string{"ghp_person0123456789": "dana"}})
	defer fake.Close()
	fake.AddRepo("acme", "svc", map[string]string{"a.py": "a = 1\n"})
	fake.AddApp(ghfake.App{ID: 42, Slug: "xylint-bot", Key: &key.PublicKey, Installations: []int64{7}})

	now := time.Now()
	sign := func(method jwt.SigningMethod, k any, iss string, iat, exp time.Time) string {
		s, err := jwt.NewWithClaims(method, jwt.RegisteredClaims{Issuer: iss, IssuedAt: jwt.NewNumericDate(iat), ExpiresAt: jwt.NewNumericDate(exp)}).SignedString(k)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	post := func(auth string, installation int) (int, map[string]any) {
		req, _ := http.NewRequest("POST", fake.URL+"/app/installations/"+strconv.Itoa(installation)+"/access_tokens", nil)
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body
	}
	good := sign(jwt.SigningMethodRS256, key, "42", now.Add(-30*time.Second), now.Add(90*time.Second))
	for _, tc := range []struct {
		name, auth   string
		installation int
		status       int
	}{
		{"no JWT", "", 7, 401},
		{"a personal token", "Bearer ghp_person0123456789", 7, 401},
		{"signed by another key", "Bearer " + sign(jwt.SigningMethodRS256, other, "42", now.Add(-30*time.Second), now.Add(90*time.Second)), 7, 401},
		{"HS256", "Bearer " + sign(jwt.SigningMethodHS256, []byte("secret"), "42", now.Add(-30*time.Second), now.Add(90*time.Second)), 7, 401},
		{"another App's id", "Bearer " + sign(jwt.SigningMethodRS256, key, "43", now.Add(-30*time.Second), now.Add(90*time.Second)), 7, 401},
		{"expired", "Bearer " + sign(jwt.SigningMethodRS256, key, "42", now.Add(-10*time.Minute), now.Add(-time.Minute)), 7, 401},
		{"longer than ten minutes", "Bearer " + sign(jwt.SigningMethodRS256, key, "42", now.Add(-30*time.Second), now.Add(11*time.Minute)), 7, 401},
		{"issued in the future", "Bearer " + sign(jwt.SigningMethodRS256, key, "42", now.Add(5*time.Minute), now.Add(9*time.Minute)), 7, 401},
		{"not its installation", "Bearer " + good, 8, 404},
		{"good", "Bearer " + good, 7, 201},
	} {
		status, body := post(tc.auth, tc.installation)
		if status != tc.status {
			t.Errorf("%s: %d %v, want %d", tc.name, status, body, tc.status)
		}
	}
	toks := fake.InstallationTokens()
	if len(toks) != 1 {
		t.Fatalf("tokens issued: %v", toks)
	}
	get := func(auth string) int {
		req, _ := http.NewRequest("GET", fake.URL+"/repos/acme/svc", nil)
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := get("token " + toks[0]); s != 200 {
		t.Fatalf("installation token: %d", s)
	}
	if s := get("Bearer " + good); s != 401 {
		t.Fatalf("the App's JWT on a repository route: %d, want 401", s)
	}
	// The token is not good for minting another one.
	if s, _ := post("token "+toks[0], 7); s != 401 {
		t.Fatalf("installation token on the token route: %d", s)
	}
	fake.ExpireInstallationTokens()
	if s := get("token " + toks[0]); s != 401 {
		t.Fatalf("expired installation token: %d, want 401", s)
	}
	// The bot user of the App writes.
	req, _ := http.NewRequest("POST", fake.URL+"/repos/acme/svc/issues", bytes.NewReader([]byte(`{"title":"x"}`)))
	_, body := post("Bearer "+good, 7)
	req.Header.Set("Authorization", "token "+body["token"].(string))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var is map[string]any
	json.NewDecoder(resp.Body).Decode(&is)
	resp.Body.Close()
	if user, _ := is["user"].(map[string]any); user == nil || !strings.HasSuffix(user["login"].(string), "[bot]") {
		t.Fatalf("issue by %v", is["user"])
	}
	for _, e := range fake.Log() {
		if e.Route == ghfake.TokenRoute && e.Write() {
			t.Fatal("minting a token counted as a write")
		}
	}
}
