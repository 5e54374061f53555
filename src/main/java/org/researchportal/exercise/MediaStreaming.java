package org.researchportal.exercise;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.tenancy.StoredFile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams uploaded exercise videos and their captions to the browser's player, with byte ranges so it can seek, and
 * serves the exercises' pictures. The
 * signed-in session decides everything: the video library checks the tenant and the viewer's right to the video on
 * every request, and anything not theirs is simply not found.
 */
@RestController
class MediaStreaming {

    static final String VIDEO_PATH = "/media/videos/{videoId}";
    static final String PICTURE_PATH = "/media/pictures/{pictureId}";
    private static final int BUFFER = 64 * 1024;

    private final MediaLibrary videos;
    private final VideoCaptions captions;
    private final PictureLibrary pictures;

    MediaStreaming(MediaLibrary videos, VideoCaptions captions, PictureLibrary pictures) {
        this.videos = videos;
        this.captions = captions;
        this.pictures = pictures;
    }

    @GetMapping(VIDEO_PATH)
    void video(@PathVariable String videoId, @RequestHeader(value = HttpHeaders.RANGE,
            required = false) @Nullable String range, HttpServletResponse response) throws IOException {
        StoredFile file = videos.openVideo(videoId);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Optional<ByteRange> wanted;
        try {
            wanted = ByteRange.of(range, file.length());
        } catch (ByteRange.Unsatisfiable unsatisfiable) {
            response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + file.length());
            return;
        }
        response.setContentType(file.contentType());
        ByteRange part = wanted.orElse(new ByteRange(0, file.length() - 1));
        if (wanted.isPresent()) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, part.contentRange(file.length()));
        }
        response.setContentLengthLong(Math.max(0, part.length()));
        try (InputStream in = file.open()) {
            // GridFS skips whole chunks without reading them, so seeking far into a long video is cheap.
            in.skipNBytes(part.first());
            copy(in, response.getOutputStream(), part.length());
        }
    }

    @GetMapping(VIDEO_PATH + "/captions/{language}.vtt")
    void captions(@PathVariable String videoId, @PathVariable String language, HttpServletResponse response)
            throws IOException {
        StoredFile file = captions.openCaptions(videoId, language);
        response.setContentType("text/vtt; charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(file.length());
        try (InputStream in = file.open()) {
            in.transferTo(response.getOutputStream());
        }
    }

    @GetMapping(PICTURE_PATH)
    void picture(@PathVariable String pictureId, HttpServletResponse response) throws IOException {
        StoredFile file = pictures.openPicture(pictureId);
        response.setContentType(file.contentType());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(file.length());
        try (InputStream in = file.open()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** Another tenant's media, media the viewer may not see, and a role without media all look the same. */
    @ExceptionHandler({NotFoundException.class, AccessDeniedException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    void notFound() {
        // No body: nothing about the video is told.
    }
}
