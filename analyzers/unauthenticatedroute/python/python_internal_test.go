package python

import "testing"

func TestNamesAuthModule(t *testing.T) {
	for src, want := range map[string]bool{
		"from .auth import verify_api_key\n":          true,
		"from shared.auth import verify_api_key\n":    true,
		"from shared import auth\n":                   true,
		"import shared.auth as a\n":                   true,
		"auth.verify_id_token(t)\n":                   true,
		"from firebase_admin import auth\n":           true,
		"auth":                                        true,
		"import google.auth\n":                        false,
		"from google.auth import default\n":           false,
		"creds, _ = google.auth.default()\n":          false,
		"from google.oauth2 import service_account\n": false,
		"authorization = header\n":                    false,
		"oauth_token = x\n":                           false,
		"":                                            false,
	} {
		if got := namesAuthModule([]byte(src)); got != want {
			t.Errorf("namesAuthModule(%q) = %v, want %v", src, got, want)
		}
	}
}
