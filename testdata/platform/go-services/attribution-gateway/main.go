// Command attribution-gateway receives conversion events from the marketing
// sites and forwards them to the attribution store.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"

	"example.com/platform/attribution-gateway/internal/store"
)

var conversions = store.New()

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	mux.HandleFunc("POST /conversions", recordConversion)
	mux.HandleFunc("GET /conversions/{id}", RequireAPIKey(getConversion))
	mux.HandleFunc("GET /partners/sync", syncPartners)

	addr := ":" + os.Getenv("PORT")
	log.Printf("attribution-gateway listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}

func healthz(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}

func recordConversion(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	var c store.Conversion
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	fmt.Println("conversion received:", c.ID)
	conversions.Put(c)
	w.WriteHeader(http.StatusAccepted)
}

func getConversion(w http.ResponseWriter, r *http.Request) {
	c, ok := conversions.Get(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(c)
}

func syncPartners(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{}
	resp, err := client.Get("https://partners.internal.xynergy.com/conversions")
	if err != nil {
		http.Error(w, "partner sync failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
	}
	fmt.Fprintf(w, "synced %d bytes\n", len(body))
}

// RequireAPIKey rejects requests without the platform's API key.
func RequireAPIKey(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") == "" || r.Header.Get("X-API-Key") != os.Getenv("API_KEY") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}
