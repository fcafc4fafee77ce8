/* The benchmark's child program and physical references, in C so that what is measured is the
 * supervisor, not the child's runtime. Every timestamp is CLOCK_MONOTONIC in nanoseconds, the
 * clock .NET's Stopwatch reads on Linux, so the bench can compare them with its own.
 *
 *   benchhelper respawn FILE MS CODE   append "start NS" to FILE, sleep MS, append "exit NS", exit CODE
 *   benchhelper sleep                  sleep until a signal ends it
 *   benchhelper slowterm MS            on SIGTERM (or SIGINT, pm2's stop signal) take MS more, then exit 0
 *   benchhelper lines BYTES [FILE]     write BYTES of 100-byte lines to stdout (FILE gets "start NS")
 *   benchhelper flood RATE FILE        once sent SIGUSR1, write RATE 80-byte lines a second to stdout, paced
 *                                      every millisecond; FILE is rewritten about ten times a second with
 *                                      "LINES NS PID" (from the start, so the sender finds the PID there)
 *   benchhelper respawnloop N FILE     reference: fork, exec `respawn FILE 0 1`, wait; N times
 *   benchhelper spawn N                reference: posix_spawn N sleepers; print the ns it took; kill them
 *   benchhelper pipecopy OUT BYTES     reference: `lines BYTES` into a pipe, copied 1 MiB at a time to OUT; print ns
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;
static const char *self;
static volatile sig_atomic_t terminated;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ms(long ms) {
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}

static void stamp(const char *file, const char *what) {
    char line[64];
    int fd = open(file, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) { perror(file); exit(70); }
    int n = snprintf(line, sizeof line, "%s %lld\n", what, now_ns());
    if (write(fd, line, (size_t)n) != n) { perror(file); exit(70); }
    close(fd);
}

/* Line i: its number in 19 digits, a space, 79 copies of one letter, a newline (100 bytes). The
 * bench regenerates the same text to check every byte of a log. */
static void fill_line(char *line, unsigned long long i) {
    char digits[32];
    snprintf(digits, sizeof digits, "%019llu", i);
    memcpy(line, digits, 19);
    line[19] = ' ';
    memset(line + 20, 'a' + (int)(i % 26), 79);
    line[99] = '\n';
}

static int write_all(int fd, const char *buffer, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, buffer, length);
        if (n < 0) { if (errno == EINTR) continue; return -1; }
        buffer += n;
        length -= (size_t)n;
    }
    return 0;
}

static int lines(long long bytes) {
    static char buffer[64 * 1024];
    const size_t per_buffer = sizeof buffer / 100;
    unsigned long long line = 0, total = (unsigned long long)bytes / 100;
    while (line < total) {
        size_t count = 0;
        for (; count < per_buffer && line < total; count++, line++)
            fill_line(buffer + count * 100, line);
        if (write_all(1, buffer, count * 100) != 0) { perror("write"); return 74; }
    }
    return 0;
}

/* A log-like line of 80 bytes: its number in 12 digits, the text, a newline. */
static void fill_flood_line(char *line, unsigned long long i) {
    static const char text[] = " INFO worker-3: handled GET /api/items?page=17 in 3 ms (status 200)";
    char digits[16];
    snprintf(digits, sizeof digits, "%012llu", i % 1000000000000ULL);
    memcpy(line, digits, 12);
    memcpy(line + 12, text, 67);
    line[79] = '\n';
}

static void flood_stats(int fd, unsigned long long written) {
    char stats[80];
    int n = snprintf(stats, sizeof stats, "%20llu %20lld %10d\n", written, now_ns(), (int)getpid());
    if (pwrite(fd, stats, (size_t)n, 0) != n) { perror("flood stats"); exit(70); }
}

/* It waits for SIGUSR1 first, so that a supervisor shows it RUNNING and quiet before the flood.
 * Paced by the clock, not by sleeping a fixed time per batch: every millisecond it writes the
 * lines due by then, so a late wake-up is made up at the next one. A pipe that stays full (the
 * supervisor not keeping up) holds it back; it then catches up at most 100 ms, so the rate it
 * reaches is what the reader took, which the stats file shows. */
static int flood(long rate, const char *stats_file) {
    static char buffer[64 * 1024];
    const unsigned long long per_buffer = sizeof buffer / 80, slack = (unsigned long long)rate / 10;
    sigset_t go;
    int signal_number;
    sigemptyset(&go);
    sigaddset(&go, SIGUSR1);
    sigprocmask(SIG_BLOCK, &go, NULL);
    int stats = open(stats_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (stats < 0) { perror(stats_file); return 70; }
    flood_stats(stats, 0);
    sigwait(&go, &signal_number);
    long long start = now_ns(), last_stats = start;
    unsigned long long written = 0, skipped = 0;
    struct timespec tick;
    for (;;) {
        long long now = now_ns();
        unsigned long long due = (unsigned long long)((now - start) / 1000000LL) * (unsigned long long)rate / 1000ULL - skipped;
        if (due > written + slack) { skipped += due - written - slack; due = written + slack; }
        while (written < due) {
            unsigned long long count = due - written < per_buffer ? due - written : per_buffer;
            for (unsigned long long k = 0; k < count; k++) fill_flood_line(buffer + k * 80, written + k);
            if (write_all(1, buffer, (size_t)(count * 80)) != 0) { perror("write"); return 74; }
            written += count;
        }
        if (now - last_stats >= 100000000LL) { flood_stats(stats, written); last_stats = now; }
        /* The next whole millisecond after now: after a blocked write, no burst of empty ticks. */
        long long next = now + 1000000LL - (now - start) % 1000000LL;
        tick.tv_sec = next / 1000000000LL;
        tick.tv_nsec = next % 1000000000LL;
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &tick, NULL) == EINTR) {}
    }
}

static void on_term(int sig) { (void)sig; terminated = 1; }

static pid_t spawn(char *const argv[], posix_spawn_file_actions_t *actions) {
    pid_t pid;
    int error = posix_spawn(&pid, argv[0], actions, NULL, argv, environ);
    if (error != 0) { fprintf(stderr, "posix_spawn: %s\n", strerror(error)); exit(71); }
    return pid;
}

int main(int argc, char **argv) {
    self = argv[0];
    if (argc >= 5 && strcmp(argv[1], "respawn") == 0) {
        stamp(argv[2], "start");
        sleep_ms(atol(argv[3]));
        stamp(argv[2], "exit");
        return atoi(argv[4]);
    }
    if (argc >= 2 && strcmp(argv[1], "sleep") == 0) {
        for (;;) pause();
    }
    if (argc >= 3 && strcmp(argv[1], "slowterm") == 0) {
        struct sigaction action = { 0 };
        action.sa_handler = on_term;
        sigaction(SIGTERM, &action, NULL);
        sigaction(SIGINT, &action, NULL);
        while (!terminated) pause();
        sleep_ms(atol(argv[2]));
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "lines") == 0) {
        if (argc >= 4) stamp(argv[3], "start");
        return lines(atoll(argv[2]));
    }
    if (argc >= 4 && strcmp(argv[1], "flood") == 0) {
        return flood(atol(argv[2]), argv[3]);
    }
    if (argc >= 4 && strcmp(argv[1], "respawnloop") == 0) {
        char *child[] = { (char *)self, "respawn", argv[3], "0", "1", NULL };
        for (int i = atoi(argv[2]); i > 0; i--) {
            pid_t pid = fork();
            if (pid == 0) { execv(self, child); _exit(127); }
            waitpid(pid, NULL, 0);
        }
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "spawn") == 0) {
        int count = atoi(argv[2]);
        pid_t *pids = calloc((size_t)count, sizeof *pids);
        char *child[] = { (char *)self, "sleep", NULL };
        long long start = now_ns();
        for (int i = 0; i < count; i++) pids[i] = spawn(child, NULL);
        printf("%lld\n", now_ns() - start);
        for (int i = 0; i < count; i++) kill(pids[i], SIGKILL);
        for (int i = 0; i < count; i++) waitpid(pids[i], NULL, 0);
        return 0;
    }
    if (argc >= 4 && strcmp(argv[1], "pipecopy") == 0) {
        int pipe_fds[2], out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0 || pipe(pipe_fds) != 0) { perror("pipecopy"); return 70; }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
        char *child[] = { (char *)self, "lines", argv[3], NULL };
        long long start = now_ns();
        pid_t pid = spawn(child, &actions);
        close(pipe_fds[1]);
        static char buffer[1024 * 1024];
        ssize_t n;
        while ((n = read(pipe_fds[0], buffer, sizeof buffer)) != 0) {
            if (n < 0) { if (errno == EINTR) continue; perror("read"); return 74; }
            if (write_all(out, buffer, (size_t)n) != 0) { perror("write"); return 74; }
        }
        printf("%lld\n", now_ns() - start);
        waitpid(pid, NULL, 0);
        return 0;
    }
    fprintf(stderr, "benchhelper: unknown or incomplete mode (see the comment at the top of benchhelper.c)\n");
    return 64;
}
