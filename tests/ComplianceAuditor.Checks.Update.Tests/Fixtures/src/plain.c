/* A program with no update path at all: the update-code rules do not apply to it. */
#include <stdio.h>

int main(void) { puts("sensor reading: 21.5 C"); return 0; }
