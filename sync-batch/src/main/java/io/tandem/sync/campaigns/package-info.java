/** Campaigns and Salesforce: searching, linking and creating Salesforce campaigns with a type's member statuses. */
package io.tandem.sync.campaigns;
