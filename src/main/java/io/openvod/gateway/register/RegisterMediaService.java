package io.openvod.gateway.register;

import io.openvod.gateway.core.envelope.ApiError;
import io.openvod.gateway.core.storage.ObjectKeys;
import io.openvod.gateway.core.storage.StorageConnection;
import io.openvod.gateway.core.validation.MediaMetadata;
import io.openvod.gateway.core.validation.RegisterMediaRequest;
import io.openvod.gateway.register.MediaRepository.Insertion;
import io.openvod.gateway.storage.ObjectFacts;
import io.openvod.gateway.storage.StorageCheck;
import io.openvod.gateway.storage.StoredConnections;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers files idempotently per (account, storage location, decoded object path). Concurrent callers with
 * overlapping files all get the same MediaId and exactly one of them sees {@code NewRegister=true}: the insert skips
 * rows another statement holds or committed, and the follow-up read (a new snapshot in READ COMMITTED) sees them.
 *
 * <p>A storage location with a connection is checked: the first statement inserts nothing there but answers with the
 * connection and the files registered before; only the others are probed ({@link StorageCheck}), and only those found
 * are inserted, with what the store said about them. A repeat registration never reaches the store.
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
    private final StorageCheck storage;
    private final StoredConnections connections;

    RegisterMediaService(MediaRepository repository, StorageCheck storage, StoredConnections connections) {
        this.repository = repository;
        this.storage = storage;
        this.connections = connections;
    }

    Uni<Registration> register(long accountId, RegisterMediaRequest request) {
        List<MediaMetadata> registrable = request.items().stream().filter(i -> i.fileUrl().hasMediaExtension()).toList();
        if (registrable.isEmpty()) {
            return Uni.createFrom().item(assemble(request, Map.of(), Map.of(), 0));
        }
        return repository.insertNew(accountId, request, registrable, null).chain(insertion -> {
            rejectUnknownReferences(insertion);
            if (!insertion.storageOwned()) {
                return Uni.createFrom().item(assemble(request, Map.of(), Map.of(), 0));
            }
            if (insertion.connection() != null) {
                return registerChecked(accountId, request, registrable, insertion);
            }
            return afterInsert(accountId, request, registrable, insertion, null, new HashMap<>(), new HashMap<>(),
                    ATTEMPTS);
        });
    }

    /** Probes the files not registered before, then registers those the store has. */
    private Uni<Registration> registerChecked(long accountId, RegisterMediaRequest request, List<MediaMetadata> items,
            Insertion first) {
        StorageConnection connection = connections.open(request.storageLocation(), first.connection());
        Map<String, String> existing = new HashMap<>(first.existingMediaIds());
        Map<String, String> objectKeys = new HashMap<>();
        for (MediaMetadata item : items) {
            String key = item.fileUrl().key();
            if (!existing.containsKey(key)) {
                ObjectKeys.of(item.fileUrl(), connection.style(), connection.bucket()).ifPresent(k -> objectKeys.put(key, k));
            }
        }
        List<String> registrationKeys = new ArrayList<>(objectKeys.keySet());
        List<String> toProbe = registrationKeys.stream().map(objectKeys::get).toList();
        int probed = toProbe.size();
        return storage.check(connection, toProbe).chain(found -> {
            Map<String, ObjectFacts> facts = new HashMap<>();
            registrationKeys.forEach(key -> Optional.ofNullable(found.get(objectKeys.get(key))).ifPresent(f -> facts.put(key, f)));
            List<MediaMetadata> present = items.stream().filter(i -> facts.containsKey(i.fileUrl().key())).toList();
            if (present.isEmpty()) {
                return Uni.createFrom().item(assemble(request, Map.of(), existing, probed));
            }
            return attempt(accountId, request, present, facts, new HashMap<>(), existing, ATTEMPTS)
                    .map(registration -> registration.withProbed(probed));
        });
    }

    private Uni<Registration> attempt(long accountId, RegisterMediaRequest request, List<MediaMetadata> pending,
            Map<String, ObjectFacts> facts, Map<String, String> created, Map<String, String> existing, int attemptsLeft) {
        return repository.insertNew(accountId, request, pending, facts).chain(insertion -> {
            rejectUnknownReferences(insertion);
            if (!insertion.storageOwned()) {
                return Uni.createFrom().item(assemble(request, Map.of(), Map.of(), 0));
            }
            return afterInsert(accountId, request, pending, insertion, facts, created, existing, attemptsLeft);
        });
    }

    private Uni<Registration> afterInsert(long accountId, RegisterMediaRequest request, List<MediaMetadata> pending,
            Insertion insertion, Map<String, ObjectFacts> facts, Map<String, String> created,
            Map<String, String> existing, int attemptsLeft) {
        created.putAll(insertion.insertedMediaIds());
        List<String> missing = pending.stream().map(i -> i.fileUrl().key()).filter(k -> !created.containsKey(k)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(assemble(request, created, existing, 0));
        }
        return repository.findExisting(accountId, request.storageLocation(), missing).chain(found -> {
            existing.putAll(found);
            List<MediaMetadata> stillMissing = pending.stream()
                    .filter(i -> !created.containsKey(i.fileUrl().key()) && !existing.containsKey(i.fileUrl().key()))
                    .toList();
            if (stillMissing.isEmpty() || attemptsLeft <= 1) {
                return Uni.createFrom().item(assemble(request, created, existing, 0));
            }
            return attempt(accountId, request, stillMissing, facts, created, existing, attemptsLeft - 1);
        });
    }

    private static void rejectUnknownReferences(Insertion insertion) {
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
            Map<String, String> existing, int probed) {
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
        return new Registration(registered, failed, probed);
    }
}
