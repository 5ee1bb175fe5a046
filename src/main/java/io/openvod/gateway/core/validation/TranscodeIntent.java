package io.openvod.gateway.core.validation;

/**
 * What should happen to newly registered files: a workflow, a template group, or nothing. At most one of the
 * two ids is set, because WorkflowId wins when both are given and VOD_NO_TRANSCODE means neither.
 */
public record TranscodeIntent(String templateGroupId, String workflowId) {

    static final String NO_TRANSCODE = "VOD_NO_TRANSCODE";
    static final TranscodeIntent NONE = new TranscodeIntent(null, null);

    static TranscodeIntent of(String templateGroupId, String workflowId) {
        if (workflowId != null) {
            return new TranscodeIntent(null, workflowId);
        }
        if (templateGroupId == null || NO_TRANSCODE.equals(templateGroupId)) {
            return NONE;
        }
        return new TranscodeIntent(templateGroupId, null);
    }
}
