<#-- The invitation Creatio passes as the authorize parameter invitationHash (kept by the ib-query-parameters
     executor, exposed as ibQueryParams by the ib-freemarker login forms provider). The value is caller input:
     it is printed only through ${...}, which the HTML output format escapes; never ?no_esc. -->
<#macro notice>
    <#if ibQueryParams?? && ibQueryParams.invitationHash?has_content>
        <div id="ib-invitation" class="pf-v5-c-alert pf-m-info pf-m-inline ib-invitation" role="status">
            <p class="pf-v5-c-alert__title">${msg("ibInvitationTitle")}</p>
            <div class="pf-v5-c-alert__description">
                <p>${msg("ibInvitationText")}</p>
                <p>${msg("ibInvitationCode")} <code id="ib-invitation-code">${ibQueryParams.invitationHash}</code></p>
            </div>
        </div>
    </#if>
</#macro>
