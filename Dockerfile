# quotebot in a static, non-root, distroless image; the index lives on /data.
#
#   docker build -t quotebot .
#   docker run -d -v quotebot-data:/data -e DISCORD_TOKEN -e DISCORD_APP_ID quotebot
#
# See docs/discord.md for the HTTP endpoint mode and the variables.

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# CGO_ENABLED=0: a static binary, which the distroless static image needs;
# -buildvcs=false: the build context need not hold .git.
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags="-s -w" -o /out/quotebot . \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/quotebot /usr/local/bin/quotebot
# The image's /data belongs to nonroot, so a new named volume mounted there
# does too, and the bot can create its index in it.
COPY --from=build --chown=65532:65532 /out/data /data
ENV QUOTEBOT_DATA=/data
VOLUME /data
USER nonroot:nonroot
# 8080: the HTTP interactions endpoint (serve --http :8080); 9090: ops, when
# QUOTEBOT_OPS_ADDR=:9090 is set.
EXPOSE 8080 9090
# Without arguments quotebot serves the gateway when DISCORD_TOKEN is set, the
# HTTP endpoint on :8080 when only DISCORD_PUBLIC_KEY is, else the console.
ENTRYPOINT ["/usr/local/bin/quotebot"]
