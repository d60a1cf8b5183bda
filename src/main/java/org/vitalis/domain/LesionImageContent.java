package org.vitalis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The picture of a {@link LesionImage} as stored: a lossless PNG of what the camera gave, or the imported file's own
 * bytes (a JPEG stays the JPEG it was, never re-encoded). Kept apart from the image's row so lists read no pictures.
 */
@Entity
@Table(name = "lesion_image_content")
public class LesionImageContent {
    /** Pictures above this are refused; a backup carries each row as one line of at most 32 MiB in base64. */
    public static final int MAX_BYTES = 20 << 20;

    @Id
    @Column(name = "image_id")
    private Long imageId;

    @Column(name = "media_type", nullable = false, length = 50)
    private String mediaType;

    /** Up to {@link #MAX_BYTES}; no length here, for the same reason as EcgLeadData's samples. */
    @Column(name = "data", nullable = false)
    private byte[] data;

    protected LesionImageContent() {
    }

    public LesionImageContent(long imageId, String mediaType, byte[] data) {
        this.imageId = imageId;
        this.mediaType = mediaType;
        this.data = data.clone();
    }

    public Long getImageId() {
        return imageId;
    }

    public String getMediaType() {
        return mediaType;
    }

    public byte[] getData() {
        return data.clone();
    }
}
