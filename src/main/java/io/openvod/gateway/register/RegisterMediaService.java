package io.openvod.gateway.register;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.validation.MediaMetadata;
import io.openvod.gateway.core.validation.RegisterMediaRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers files idempotently per (account, FileURL). Concurrent callers with overlapping files all get the
 * same MediaId and exactly one of them sees {@code NewRegister=true}: the insert skips rows another
 * statement holds or committed, and the follow-up read (a new snapshot in READ COMMITTED) sees them.
 */
@ApplicationScoped
class RegisterMediaService {

    /**
     * Attempts to find a file. A second one is needed only when the row this insert collided with was gone before
     * the follow-up read: a concurrent inserter that rolled back, or a concurrent DeleteVideo (then the second
     * insert registers the file anew, NewRegister=true; media.DeleteWhileRegisteringTest).
     */
    private static final int ATTEMPTS = 2;

    private final MediaRepository repository;

    RegisterMediaService(MediaRepository repository) {
        this.repository = repository;
    }

    Uni<Registration> register(long accountId, RegisterMediaRequest request) {
        List<MediaMetadata> registrable = request.items().stream().filter(i -> i.fileUrl().hasMediaExtension()).toList();
        if (registrable.isEmpty()) {
            return Uni.createFrom().item(assemble(request, Map.of(), Map.of()));
        }
        return attempt(accountId, request, registrable, new HashMap<>(), new HashMap<>(), ATTEMPTS);
    }

    private Uni<Registration> attempt(long accountId, RegisterMediaRequest request, List<MediaMetadata> pending,
            Map<String, String> created, Map<String, String> existing, int attemptsLeft) {
        return repository.insertNew(accountId, request, pending).chain(insertion -> {
            rejectUnknownReferences(insertion);
            if (!insertion.storageOwned()) {
                return Uni.createFrom().item(assemble(request, Map.of(), Map.of()));
            }
            created.putAll(insertion.insertedMediaIds());
            List<String> missing = pending.stream().map(i -> i.fileUrl().key()).filter(k -> !created.containsKey(k)).toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().item(assemble(request, created, existing));
            }
            return repository.findExisting(accountId, missing).chain(found -> {
                existing.putAll(found);
                List<MediaMetadata> stillMissing = pending.stream()
                        .filter(i -> !created.containsKey(i.fileUrl().key()) && !existing.containsKey(i.fileUrl().key()))
                        .toList();
                if (stillMissing.isEmpty() || attemptsLeft <= 1) {
                    return Uni.createFrom().item(assemble(request, created, existing));
                }
                return attempt(accountId, request, stillMissing, created, existing, attemptsLeft - 1);
            });
        });
    }

    private static void rejectUnknownReferences(MediaRepository.Insertion insertion) {
        if (!insertion.workflowFound()) {
            throw ApiError.workflowNotFound().exception();
        }
        if (!insertion.templateGroupFound()) {
            throw ApiError.templateGroupNotFound().exception();
        }
        if (!insertion.categoriesFound()) {
            throw ApiError.categoryNotFound().exception();
        }
    }

    /** Both lists in request order; a file that is neither created nor found failed to register. */
    private static Registration assemble(RegisterMediaRequest request, Map<String, String> created,
            Map<String, String> existing) {
        List<RegisteredMedia> registered = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (MediaMetadata item : request.items()) {
            String key = item.fileUrl().key();
            if (created.containsKey(key)) {
                registered.add(new RegisteredMedia(created.get(key), item.fileUrl().text(), true));
            } else if (existing.containsKey(key)) {
                registered.add(new RegisteredMedia(existing.get(key), item.fileUrl().text(), false));
            } else {
                failed.add(item.fileUrl().text());
            }
        }
        return new Registration(registered, failed);
    }
}
