/*
 * The C interface from C: every function of license_verifier.h, the scenarios of
 * ../scenarios.tsv, bad arguments, closed and foreign handles, and 8 threads each with
 * its own handle. Built and run by ../c_and_python.rs, linked with the shared and with
 * the static library, and under AddressSanitizer and Valgrind.
 *
 * usage: test_license_verifier SCENARIOS.tsv FIXTURES_DIR OUT_DIR
 *        test_license_verifier --read-only STORE
 * Writes each scenario's JSON to OUT_DIR/NAME.json (the Rust test compares it with the
 * command line's). Exits 0 when every check passed; prints each failure.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "license_verifier.h"

static int failures = 0;
static const char *fixtures;
/* Questions per thread: LIC_ROUNDS, fewer under Valgrind, which is slow. */
static int rounds = 25;

#define CHECK(cond, ...)                                  \
    do {                                                  \
        if (!(cond)) {                                    \
            failures++;                                   \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                 \
            fprintf(stderr, "\n");                        \
        }                                                 \
    } while (0)

static char *path_in(const char *dir, const char *name) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    size_t got = fread(text, 1, (size_t)n, f);
    text[got] = '\0';
    fclose(f);
    return text;
}

static const char *or_null(const char *field) { return strcmp(field, "-") == 0 ? NULL : field; }

/* Asks one scenario's question; returns the exit status and sets *json. */
static int ask(const char *question, const char *target, const char *arg, const char *user,
               const char *keys, char **json) {
    char *target_path = path_in(fixtures, target);
    int rc;
    if (strcmp(question, "verify") == 0) {
        rc = lic_verify_file(target_path, keys, 0, json);
    } else {
        lic_store *store = NULL;
        rc = lic_open_json(target_path, keys, &store, json);
        if (rc == LIC_YES) {
            if (strcmp(question, "status") == 0) rc = lic_status(store, 0, json);
            else if (strcmp(question, "system") == 0) rc = lic_check_system(store, arg, 0, json);
            else if (strcmp(question, "capability") == 0)
                rc = lic_check_capability(store, arg, user, 0, json);
            else if (strcmp(question, "seats") == 0) rc = lic_check_seats(store, arg, 0, json);
            else rc = -1;
            lic_close(store);
        }
    }
    free(target_path);
    return rc;
}

static void write_json(const char *out_dir, const char *name, const char *json) {
    char file[256];
    snprintf(file, sizeof file, "%s.json", name);
    char *path = path_in(out_dir, file);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL, "cannot write %s", path);
    if (f) {
        fputs(json ? json : "", f);
        fclose(f);
    }
    free(path);
}

/* Runs every line of the scenarios table; returns how many ran. */
static int run_scenarios(const char *table, const char *out_dir) {
    char *text = read_file(table);
    CHECK(text != NULL, "cannot read %s", table);
    if (!text) return 0;
    int ran = 0;
    char *save_line = NULL;
    for (char *line = strtok_r(text, "\n", &save_line); line; line = strtok_r(NULL, "\n", &save_line)) {
        if (line[0] == '#' || line[0] == '\0') continue;
        char *f[8];
        int n = 0;
        char *save_field = NULL;
        for (char *p = strtok_r(line, "\t", &save_field); p && n < 8; p = strtok_r(NULL, "\t", &save_field))
            f[n++] = p;
        CHECK(n == 8, "a scenario line has %d fields, not 8", n);
        if (n != 8) continue;
        char *keys = NULL;
        if (or_null(f[5])) {
            char *key_path = path_in(fixtures, f[5]);
            keys = read_file(key_path);
            free(key_path);
            CHECK(keys != NULL, "%s: cannot read the key file %s", f[0], f[5]);
        }
        char *json = NULL;
        int rc = ask(f[1], f[2], or_null(f[3]), or_null(f[4]), keys, &json);
        CHECK(rc == atoi(f[6]), "%s: exit %d, expected %s; json: %s", f[0], rc, f[6], json ? json : "(none)");
        CHECK(json != NULL, "%s: no JSON", f[0]);
        /* Every expected piece occurs in the JSON. */
        char *save_piece = NULL;
        for (char *piece = strtok_r(f[7], "|", &save_piece); piece; piece = strtok_r(NULL, "|", &save_piece)) {
            while (*piece == ' ') piece++;
            size_t len = strlen(piece);
            while (len && piece[len - 1] == ' ') piece[--len] = '\0';
            CHECK(json && strstr(json, piece), "%s: %s is not in %s", f[0], piece, json ? json : "(none)");
        }
        write_json(out_dir, f[0], json);
        lic_string_free(json);
        free(keys);
        ran++;
    }
    free(text);
    return ran;
}

/* The call, with `&json` among its arguments, gives 2 and JSON holding `piece`. */
static void expect_error(const char *what, int rc, char *json, const char *piece) {
    CHECK(rc == LIC_ERROR, "%s gave %d", what, rc);
    CHECK(json && strstr(json, piece), "%s: %s is not in %s", what, piece, json ? json : "(none)");
    CHECK(!json || strstr(json, "\"exit\": 2"), "%s: no exit 2 in the JSON", what);
    lic_string_free(json);
}
#define EXPECT_ERROR(piece, call)                \
    do {                                         \
        char *json = NULL;                       \
        int rc_ = (call);                        \
        expect_error(#call, rc_, json, piece);   \
    } while (0)

static void bad_arguments(void) {
    char *licensed = path_in(fixtures, "licensed.db");
    char *json = NULL;
    lic_store *store = (lic_store *)1, *store2 = (lic_store *)1;

    CHECK(lic_open(NULL, NULL, &store) == LIC_ERROR && store == NULL, "lic_open(NULL path)");
    CHECK(lic_open(licensed, NULL, NULL) == LIC_ERROR, "lic_open(NULL out)");
    CHECK(lic_open(licensed, "not a key", &store) == LIC_ERROR && store == NULL, "lic_open with a bad PEM");
    CHECK(lic_open(licensed, "\xff\xfe", &store) == LIC_ERROR, "lic_open with a keyring that is not UTF-8");

    CHECK(lic_open(licensed, NULL, &store) == LIC_YES && store != NULL, "lic_open");
    /* NULL out_json: the exit status alone. */
    CHECK(lic_status(store, 0, NULL) == LIC_YES, "lic_status without JSON");
    CHECK(lic_check_capability(store, "web-client", "alice", 0, NULL) == LIC_YES, "capability without JSON");
    CHECK(lic_check_capability(store, "web-client", "bob", 0, NULL) == LIC_NO, "capability no, without JSON");
    /* A time given rather than the system clock's (a later one would move the store's
       high-water mark for good). */
    CHECK(lic_status(store, (int64_t)time(NULL), NULL) == LIC_YES, "lic_status at a given time");

    EXPECT_ERROR("code is NULL", lic_check_system(store, NULL, 0, &json));
    EXPECT_ERROR("capability is NULL", lic_check_capability(store, NULL, "alice", 0, &json));
    EXPECT_ERROR("plan is NULL", lic_check_seats(store, NULL, 0, &json));
    EXPECT_ERROR("code is not UTF-8", lic_check_system(store, "\xc3\x28", 0, &json));
    EXPECT_ERROR("user is not UTF-8", lic_check_capability(store, "web-client", "\xff", 0, &json));
    EXPECT_ERROR("path is NULL", lic_verify_file(NULL, NULL, 0, &json));
    EXPECT_ERROR("store is NULL", lic_status(NULL, 0, &json));
    EXPECT_ERROR("store is NULL", lic_check_capability(NULL, "web-client", NULL, 0, &json));
    EXPECT_ERROR("out of range", lic_status(store, INT64_MAX, &json));
    EXPECT_ERROR("\"code\": \"usage\"", lic_open_json(NULL, NULL, &store2, &json));
    CHECK(store2 == NULL, "a failed open gives no handle");

    /* A foreign handle, and a closed one: 2 with an error, never a crash. */
    int not_a_store = 42;
    json = NULL;
    CHECK(lic_status((lic_store *)&not_a_store, 0, &json) == LIC_ERROR && json && strstr(json, "bad-handle"),
          "a foreign handle: %s", json ? json : "(none)");
    lic_string_free(json);
    lic_close(store);
    json = NULL;
    CHECK(lic_check_system(store, "superoffice-server", 0, &json) == LIC_ERROR && json && strstr(json, "bad-handle"),
          "a closed handle: %s", json ? json : "(none)");
    lic_string_free(json);
    lic_close(store);                         /* twice: ignored */
    lic_close(NULL);                          /* NULL: ignored */
    lic_close((lic_store *)&not_a_store);     /* foreign: ignored */
    lic_string_free(NULL);                    /* NULL: ignored */
    lic_string_free((char *)&not_a_store);    /* foreign: ignored */
    free(licensed);
}

/* A store whose license is signed by an issuing key that a root certifies: opened with
   the root given at run time, it answers yes; with the signing keys alone, the stored
   license is named as signed under a key this program does not trust. */
static void roots_at_run_time(void) {
    char *certified = path_in(fixtures, "certified.db");
    char *root_path = path_in(fixtures, "root-example.pub");
    char *vendor_path = path_in(fixtures, "vendor.pub");
    char *root = read_file(root_path);
    char *vendor = read_file(vendor_path);
    lic_store *store = NULL;
    char *json = NULL;
    CHECK(root && vendor, "cannot read the example public keys");
    CHECK(lic_open_trusted_json(certified, NULL, root, &store, &json) == LIC_YES && store,
          "open with the root: %s", json ? json : "");
    lic_string_free(json);
    json = NULL;
    CHECK(lic_status(store, 0, &json) == LIC_YES && json && strstr(json, "\"state\": \"active\""),
          "status under the root: %s", json ? json : "(none)");
    lic_string_free(json);
    json = NULL;
    lic_close(store);
    store = NULL;
    CHECK(lic_open_json(certified, vendor, &store, &json) == LIC_YES, "open with signing keys alone");
    lic_string_free(json);
    json = NULL;
    CHECK(lic_status(store, 0, &json) == LIC_ERROR && json && strstr(json, "untrusted-stored-license"),
          "status without the root: %s", json ? json : "(none)");
    lic_string_free(json);
    json = NULL;
    lic_close(store);
    store = (lic_store *)1;
    CHECK(lic_open_trusted_json(certified, NULL, "not a key", &store, &json) == LIC_ERROR && store == NULL,
          "a roots_pem that is not PEM: %s", json ? json : "(none)");
    lic_string_free(json);
    free(root);
    free(vendor);
    free(root_path);
    free(vendor_path);
    free(certified);
}

static void version(void) {
    const char *v = lic_version();
    CHECK(v != NULL && strlen(v) >= 5 && strchr(v, '.') != NULL, "lic_version: %s", v ? v : "(null)");
    CHECK(lic_version() == v, "lic_version is one static string");
}

/* 8 threads, each with its own handle, asking at once. */
static void *worker(void *arg) {
    long id = (long)arg;
    char *licensed = path_in(fixtures, "licensed.db");
    lic_store *store = NULL;
    long bad = 0;
    if (lic_open(licensed, NULL, &store) != LIC_YES) bad++;
    for (int i = 0; i < rounds; i++) {
        char *json = NULL;
        const char *user = (i + id) % 2 ? "alice" : "bob";
        int want = (i + id) % 2 ? LIC_YES : LIC_NO;
        if (lic_check_capability(store, "web-client", user, 0, &json) != want) bad++;
        if (!json || !strstr(json, want == LIC_YES ? "\"allowed\": true" : "\"allowed\": false")) bad++;
        lic_string_free(json);
        if (lic_status(store, 0, NULL) != LIC_YES) bad++;
    }
    lic_close(store);
    free(licensed);
    return (void *)bad;
}

static void threads(void) {
    pthread_t t[8];
    for (long i = 0; i < 8; i++) CHECK(pthread_create(&t[i], NULL, worker, (void *)i) == 0, "pthread_create");
    for (int i = 0; i < 8; i++) {
        void *bad = NULL;
        pthread_join(t[i], &bad);
        CHECK(bad == NULL, "thread %d: %ld wrong answers", i, (long)bad);
    }
}

/* The questions on a store this process may not write (file 0444, directory 0555). */
static int read_only(const char *path) {
    lic_store *store = NULL;
    char *json = NULL;
    CHECK(lic_open_json(path, NULL, &store, &json) == LIC_YES, "open read-only: %s", json ? json : "");
    lic_string_free(json);
    json = NULL;
    CHECK(lic_status(store, 0, &json) == LIC_YES && json && strstr(json, "\"usable\": true"),
          "status read-only: %s", json ? json : "(none)");
    lic_string_free(json);
    CHECK(lic_check_capability(store, "web-client", "alice", 0, NULL) == LIC_YES, "alice read-only");
    CHECK(lic_check_capability(store, "web-client", "bob", 0, NULL) == LIC_NO, "bob read-only");
    lic_close(store);
    printf("read-only: %d failed\n", failures);
    return failures == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--read-only") == 0) return read_only(argv[2]);
    if (argc != 4) {
        fprintf(stderr, "usage: %s SCENARIOS.tsv FIXTURES_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    fixtures = argv[2];
    if (getenv("LIC_ROUNDS")) rounds = atoi(getenv("LIC_ROUNDS"));
    version();
    int ran = run_scenarios(argv[1], argv[3]);
    CHECK(ran >= 10, "only %d scenarios ran", ran);
    bad_arguments();
    roots_at_run_time();
    threads();
    printf("c: %d scenarios; %d failed\n", ran, failures);
    return failures == 0 ? 0 : 1;
}
