# syntax=docker/dockerfile:1
# The portal's container image (docs/operations.md, "Container image"):
#   docker build -t digitalcheck/portal:0.1.0 .
# Three stages: the frontend assets (npm), the runnable jar (Maven wrapper, JDK), and the runtime (JRE only, non-root)
# with the class-data-sharing archive made by the runtime's own JVM next to the jar.

# 1. Frontend assets: frontend-assets/dist (styles, fonts, app.js)
FROM node:20-bookworm-slim AS assets
WORKDIR /build/frontend-assets
COPY frontend-assets/package.json frontend-assets/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend-assets/ ./
RUN npm run build

# 2. The runnable jar, built by the Maven wrapper with the built assets (and, in the jar, the index of its Micronaut
#    services that `package` writes, docs/operations.md "Faster starts"); the training program compiled for stage 3
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -Dfrontend.skip=true dependency:go-offline
COPY src/ src/
COPY --from=assets /build/frontend-assets/dist/ frontend-assets/dist/
# -Dcds.skip=true: the archive must come from the runtime's JVM (stage 3), not from this JDK
RUN ./mvnw -B -q -o -Dfrontend.skip=true -Dcds.skip=true -DskipTests package \
 && mkdir -p /build/training \
 && javac -d /build/training src/build/java/de/digitalcheck/build/ClassDataSharingTraining.java

# 3. Runtime: JRE only, non-root, read-only root file system friendly (writes only to /tmp)
FROM eclipse-temurin:17-jre AS runtime
WORKDIR /app
COPY --from=build /build/target/digitalcheck-portal-0.1.0-SNAPSHOT.jar ./
COPY --from=build /build/training/ /opt/training/
# The class-data-sharing archive, made by the build's training start (docs/operations.md, "Faster starts") with
# this image's own JVM and the chart's collector, next to the jar it names; -Xshare:on fails the build if the
# archive does not fit. The training program is removed afterwards.
RUN JAVA_TOOL_OPTIONS="-XX:+UseSerialGC" java -cp /opt/training de.digitalcheck.build.ClassDataSharingTraining /app \
        digitalcheck-portal-0.1.0-SNAPSHOT.jar digitalcheck-portal-0.1.0-SNAPSHOT.jsa \
 && java -Xshare:on -XX:+UseSerialGC -XX:SharedArchiveFile=digitalcheck-portal-0.1.0-SNAPSHOT.jsa \
        -cp digitalcheck-portal-0.1.0-SNAPSHOT.jar -version \
 && rm -rf /opt/training /app/cds-training.log
USER 10001:10001
ENV PORT=8080 MANAGEMENT_PORT=9090 LOG_FORMAT=json
EXPOSE 8080 9090
# the README's start command (docs/operations.md, "Faster starts"); JVM options come from JAVA_TOOL_OPTIONS
ENTRYPOINT ["java", "-XX:SharedArchiveFile=digitalcheck-portal-0.1.0-SNAPSHOT.jsa", "-jar", "digitalcheck-portal-0.1.0-SNAPSHOT.jar"]
