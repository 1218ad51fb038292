/* A stand-in for a CVR/termb second-generation ID card reader library, built by the test suite.
 *
 * It answers the calls a real termb library answers, with the card the test describes in its
 * environment (read at each call, so one built library serves every test):
 *   IDCARD_STUB_PORT         the port a reader answers on (default 1001)
 *   IDCARD_STUB_TEXT         the card's 256-byte UCS-2 text block; unset or missing: no card on the reader
 *   IDCARD_STUB_PHOTO        the decoded photo (BMP)
 *   IDCARD_STUB_OUT          the folder Read_Content writes wz.txt and zp.bmp into; unset: no files
 *   IDCARD_STUB_READ_RESULT  what Read_Content returns (default 1)
 *   IDCARD_STUB_LOG          a file each call appends its name to
 *   IDCARD_STUB_DELAY_MS     how long Authenticate takes (a slow or hung reader)
 * Built with -DPLAIN_NAMES the four calls lose their CVR_ prefix (other vendors' spelling).
 */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef PLAIN_NAMES
#define API(name) name
#else
#define API(name) CVR_##name
#endif

static int opened = 0;
static int have_card = 0;
static unsigned char text[256];

static void note(const char *call) {
    const char *log = getenv("IDCARD_STUB_LOG");
    if (log == NULL) return;
    FILE *f = fopen(log, "a");
    if (f == NULL) return;
    fprintf(f, "%s\n", call);
    fclose(f);
}

static long slurp(const char *path, unsigned char *buf, long size) {
    if (path == NULL) return -1;
    FILE *f = fopen(path, "rb");
    if (f == NULL) return -1;
    long n = (long)fread(buf, 1, (size_t)size, f);
    fclose(f);
    return n;
}

static int spill(const char *dir, const char *name, const unsigned char *buf, long n) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL) return 0;
    fwrite(buf, 1, (size_t)n, f);
    fclose(f);
    return 1;
}

int API(InitComm)(int port) {
    note("InitComm");
    const char *want = getenv("IDCARD_STUB_PORT");
    opened = port == (want ? atoi(want) : 1001);
    return opened ? 1 : 2;
}

int API(CloseComm)(void) {
    note("CloseComm");
    opened = 0;
    return 1;
}

int API(Authenticate)(void) {
    note("Authenticate");
    const char *delay = getenv("IDCARD_STUB_DELAY_MS");
    if (delay != NULL) {
        struct timespec pause = {atoi(delay) / 1000, (long)(atoi(delay) % 1000) * 1000000L};
        nanosleep(&pause, NULL);
    }
    if (!opened) return 0;
    have_card = slurp(getenv("IDCARD_STUB_TEXT"), text, sizeof text) == 256;
    return have_card ? 1 : 2; /* 2: no card found */
}

int API(Read_Content)(int active) {
    note("Read_Content");
    if (!opened || !have_card || active < 1 || active > 4) return 0;
    const char *forced = getenv("IDCARD_STUB_READ_RESULT");
    if (forced != NULL && atoi(forced) != 1) return atoi(forced);
    const char *out = getenv("IDCARD_STUB_OUT");
    if (out != NULL) {
        static unsigned char photo[65536];
        long n = slurp(getenv("IDCARD_STUB_PHOTO"), photo, sizeof photo);
        spill(out, "wz.txt", text, 256);
        if (n > 0) spill(out, "zp.bmp", photo, n);
    }
    return 1;
}

/* One field of the text block (offset and width in UCS-2 characters), trailing spaces cut, as GBK. */
static int field(int at, int width, char *buf, int *len) {
    if (!have_card || buf == NULL || len == NULL) return 0;
    int chars = width;
    while (chars > 0 && text[2 * (at + chars - 1)] == ' ' && text[2 * (at + chars - 1) + 1] == 0) chars--;
    iconv_t cd = iconv_open("GBK", "UCS-2LE");
    if (cd == (iconv_t)-1) return 0;
    char *in = (char *)text + 2 * at, *outp = buf;
    size_t inleft = (size_t)chars * 2, outleft = (size_t)*len - 1;
    size_t r = iconv(cd, &in, &inleft, &outp, &outleft);
    iconv_close(cd);
    if (r == (size_t)-1) return 0;
    *outp = 0;
    *len = (int)(outp - buf);
    return 1;
}

int GetPeopleName(char *buf, int *len) { return field(0, 15, buf, len); }
int GetPeopleSex(char *buf, int *len) {
    if (!have_card || *len < 3) return 0;
    strcpy(buf, text[30] == '1' ? "\xc4\xd0" : "\xc5\xae"); /* 男 / 女 in GBK */
    *len = 2;
    return 1;
}
int GetNationCode(char *buf, int *len) { return field(16, 2, buf, len); }
int GetPeopleNation(char *buf, int *len) { return field(16, 2, buf, len); }
int GetPeopleBirthday(char *buf, int *len) { return field(18, 8, buf, len); }
int GetPeopleAddress(char *buf, int *len) { return field(26, 35, buf, len); }
int GetPeopleIDCode(char *buf, int *len) { return field(61, 18, buf, len); }
int GetDepartment(char *buf, int *len) { return field(79, 15, buf, len); }
int GetStartDate(char *buf, int *len) { return field(94, 8, buf, len); }
int GetEndDate(char *buf, int *len) { return field(102, 8, buf, len); }

int GetBMPData(unsigned char *buf, int *len) {
    if (!have_card || buf == NULL || len == NULL) return 0;
    long n = slurp(getenv("IDCARD_STUB_PHOTO"), buf, *len);
    if (n <= 0) return 0;
    *len = (int)n;
    return 1;
}
