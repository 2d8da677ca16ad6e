package lib

import (
	"log/slog"
	"net/http"
	"os"
)

func Open(w http.ResponseWriter) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	slog.Info("opened")
	_ = os.Remove("/tmp/none")
	resp, err := http.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
}
